from django.contrib import admin

from jobs.models import Application, Category, Job


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ("title", "employer", "category", "job_type", "is_active", "created_at")
    list_filter = ("is_active", "job_type", "category")
    list_select_related = ("employer", "category")
    search_fields = ("title", "description")


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ("job", "applicant", "status", "created_at", "notified_at")
    list_filter = ("status",)
    list_select_related = ("job", "applicant")
