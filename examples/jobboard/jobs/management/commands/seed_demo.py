import os

from django.core.management.base import BaseCommand
from django.db import transaction

from accounts.models import Role, User
from jobs.models import Application, Category, Job, JobType

CATEGORIES = {"backend": "Backend", "data": "Data", "devops": "DevOps", "design": "Design"}

# (employer, title, category slug, location, job type, salary_min, salary_max)
JOBS = [
    (
        "employer1",
        "Backend Engineer (Django)",
        "backend",
        "Remote",
        JobType.FULL_TIME,
        40000,
        60000,
    ),
    ("employer1", "API Developer (GraphQL)", "backend", "Lagos", JobType.CONTRACT, 30000, 45000),
    ("employer1", "Junior Python Developer", "backend", "Nairobi", JobType.INTERNSHIP, 8000, 12000),
    ("employer2", "Data Engineer", "data", "Remote", JobType.FULL_TIME, 45000, 70000),
    ("employer2", "Site Reliability Engineer", "devops", "Kigali", JobType.FULL_TIME, 50000, 75000),
    ("employer2", "Product Designer", "design", "Accra", JobType.PART_TIME, 20000, 30000),
]


# --8<-- [start:seed_command]
class Command(BaseCommand):
    help = "Create demo users, categories, jobs and applications (safe to run twice)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--password",
            default=os.environ.get("DEMO_PASSWORD", "jobboard-demo"),
            help="Password for every demo user (local demos only).",
        )

    @transaction.atomic
    def handle(self, *args, password: str, **options):
        users = {
            username: self.user(username, role, password)
            for username, role in [
                ("admin", Role.ADMIN),
                ("employer1", Role.EMPLOYER),
                ("employer2", Role.EMPLOYER),
                ("seeker1", Role.SEEKER),
                ("seeker2", Role.SEEKER),
            ]
        }
        categories = {
            slug: Category.objects.get_or_create(slug=slug, defaults={"name": name})[0]
            for slug, name in CATEGORIES.items()
        }
        jobs = []
        for employer, title, category, location, job_type, low, high in JOBS:
            # get_or_create on a natural key is what makes a second run a no-op.
            job, _ = Job.objects.get_or_create(
                employer=users[employer],
                title=title,
                defaults={
                    "description": f"{title}: build and run the job board's backend.",
                    "category": categories[category],
                    "location": location,
                    "job_type": job_type,
                    "salary_min": low,
                    "salary_max": high,
                },
            )
            jobs.append(job)
        for seeker, job in [("seeker1", jobs[0]), ("seeker1", jobs[3]), ("seeker2", jobs[0])]:
            Application.objects.get_or_create(
                job=job,
                applicant=users[seeker],
                defaults={"cover_letter": "I would like to apply for this role."},
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data: {User.objects.count()} users, {Category.objects.count()} categories, "
                f"{Job.objects.count()} jobs, {Application.objects.count()} applications."
            )
        )

    def user(self, username: str, role: str, password: str) -> User:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "role": role,
                "email": f"{username}@example.com",
                "is_staff": role == Role.ADMIN,
                "is_superuser": role == Role.ADMIN,
            },
        )
        if created:
            user.set_password(password)
            user.save(update_fields=["password"])
        return user


# --8<-- [end:seed_command]
