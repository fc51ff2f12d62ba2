from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from accounts.models import User


@admin.register(User)
class JobBoardUserAdmin(UserAdmin):
    fieldsets = (*UserAdmin.fieldsets, ("Job board", {"fields": ("role",)}))
    list_display = ("username", "email", "role", "is_staff")
    list_filter = ("role", *UserAdmin.list_filter)
