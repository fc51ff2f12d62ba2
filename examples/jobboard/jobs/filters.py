from django_filters import rest_framework as filters

from jobs.models import Job


# --8<-- [start:job_filterset]
class JobFilter(filters.FilterSet):
    category = filters.CharFilter(field_name="category__slug")
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

    def filter_search(self, queryset, name, value):
        return queryset.search(value)


# --8<-- [end:job_filterset]
