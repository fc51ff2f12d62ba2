from django.db.models import Subquery
from django_filters import rest_framework as filters

from jobs.models import Category, Job


# --8<-- [start:job_filterset]
class JobFilter(filters.FilterSet):
    # By slug, resolved inside the same SQL query (see filter_category).
    category = filters.CharFilter(method="filter_category")
    location = filters.CharFilter(lookup_expr="icontains")
    # "Pays at least X": the top of the job's range reaches X.
    min_salary = filters.NumberFilter(field_name="salary_max", lookup_expr="gte")
    # "Starts at most at Y": the bottom of the range is within budget.
    max_salary = filters.NumberFilter(field_name="salary_min", lookup_expr="lte")
    # Full-text search on PostgreSQL, substring match elsewhere.
    search = filters.CharFilter(method="filter_search")

    class Meta:
        model = Job
        fields = ["category", "job_type", "location"]

    def filter_category(self, queryset, name, value):
        # WHERE jobs_job.category_id = (SELECT id FROM jobs_category WHERE
        # slug = ...): a condition on the job's own column, which
        # job_active_category_idx can serve; a condition on the joined slug
        # cannot. The slug is unique, so the subquery gives one id, or NULL
        # for an unknown slug, and "= NULL" matches no row. order_by()
        # drops Category's default ordering, useless inside the subquery.
        category_id = Category.objects.filter(slug=value).order_by().values("id")
        return queryset.filter(category_id=Subquery(category_id))

    def filter_search(self, queryset, name, value):
        return queryset.search(value)


# --8<-- [end:job_filterset]
