from rest_framework import serializers

from jobs.models import Application, ApplicationStatus, Category, Job
from jobs.services import apply_to_job


class CategorySerializer(serializers.ModelSerializer):
    class Meta:
        model = Category
        fields = ["id", "name", "slug"]


# --8<-- [start:job_serializer]
class JobSerializer(serializers.ModelSerializer):
    category = serializers.SlugRelatedField(slug_field="slug", queryset=Category.objects.all())
    employer = serializers.CharField(source="employer.username", read_only=True)

    class Meta:
        model = Job
        fields = [
            "id", "title", "description", "category", "location", "job_type",
            "salary_min", "salary_max", "is_active", "employer", "created_at", "updated_at",
        ]  # fmt: skip
        read_only_fields = ["created_at", "updated_at"]

    def validate(self, attrs: dict) -> dict:
        # A PATCH may send one bound only: compare it with the stored other one.
        salary_min = attrs.get("salary_min", getattr(self.instance, "salary_min", None))
        salary_max = attrs.get("salary_max", getattr(self.instance, "salary_max", None))
        if salary_min is not None and salary_max is not None and salary_min > salary_max:
            raise serializers.ValidationError(
                {"salary_max": "Must be greater than or equal to salary_min."}
            )
        return attrs


# --8<-- [end:job_serializer]


# --8<-- [start:application_serializer]
class ApplicationSerializer(serializers.ModelSerializer):
    applicant = serializers.CharField(source="applicant.username", read_only=True)
    job_title = serializers.CharField(source="job.title", read_only=True)

    class Meta:
        model = Application
        fields = [
            "id", "job", "job_title", "applicant", "cover_letter", "status",
            "created_at", "updated_at",
        ]  # fmt: skip
        read_only_fields = ["status", "created_at", "updated_at"]
        # The UniqueConstraint is enforced by apply_to_job (a clean 409), not
        # by a serializer pre-check that two racing requests could both pass.
        validators = []

    def create(self, validated_data: dict) -> Application:
        return apply_to_job(applicant=self.context["request"].user, **validated_data)


class ApplicationStatusSerializer(serializers.Serializer):
    """Input for an employer's decision; Application.transition_to checks it."""

    status = serializers.ChoiceField(choices=ApplicationStatus.choices)


# --8<-- [end:application_serializer]
