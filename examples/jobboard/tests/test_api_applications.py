import pytest

from accounts.models import User
from jobs.models import Application, ApplicationStatus
from tests.helpers import error_code

pytestmark = pytest.mark.django_db


def apply(client, job, letter="Hello"):
    return client.post("/api/v1/applications/", {"job": job.pk, "cover_letter": letter})


def test_seeker_applies_and_the_employer_is_emailed(
    client_for, seeker, job, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = apply(client_for(seeker), job)
    assert response.status_code == 201
    assert response.json()["status"] == "pending"
    assert [mail.to for mail in mailoutbox] == [[job.employer.email]]


def test_second_application_to_the_same_job_is_a_conflict(client_for, seeker, job):
    client = client_for(seeker)
    assert apply(client, job).status_code == 201
    response = apply(client, job)
    assert response.status_code == 409
    assert response.json()["error"] == {
        "code": "already_applied",
        "message": "You have already applied to this job.",
        "details": None,
    }


def test_closed_jobs_take_no_applications(client_for, seeker, make_job):
    response = apply(client_for(seeker), make_job(is_active=False))
    assert (response.status_code, error_code(response)) == (409, "job_closed")


def test_only_seekers_apply(client_for, employer, platform_admin, job):
    assert apply(client_for(employer), job).status_code == 403
    assert apply(client_for(platform_admin), job).status_code == 403


def test_a_superuser_is_an_admin_and_does_not_apply(client_for, job):
    # As `manage.py createsuperuser` makes one: no role given.
    root = User.objects.create_superuser(username="root", password="pw-for-tests")
    assert (root.role, root.is_platform_admin) == ("admin", True)
    assert apply(client_for(root), job).status_code == 403


def test_each_role_sees_its_own_slice(
    client_for, make_user, make_job, other_employer, platform_admin
):
    mine, theirs = make_job(), make_job(employer=other_employer)
    alice, bob = make_user(), make_user()
    Application.objects.create(job=mine, applicant=alice, cover_letter="a")
    Application.objects.create(job=theirs, applicant=bob, cover_letter="b")

    def applicants(user) -> set[str]:
        return {
            a["applicant"] for a in client_for(user).get("/api/v1/applications/").json()["results"]
        }

    assert applicants(alice) == {alice.username}
    assert applicants(mine.employer) == {alice.username}
    assert applicants(platform_admin) == {alice.username, bob.username}


def test_employer_accepts_once_and_the_decision_is_final(client_for, seeker, job):
    application = Application.objects.create(job=job, applicant=seeker, cover_letter="c")
    url, employer = f"/api/v1/applications/{application.pk}/", client_for(job.employer)

    response = employer.patch(url, {"status": "accepted"})
    assert (response.status_code, response.json()["status"]) == (200, "accepted")

    response = employer.patch(url, {"status": "rejected"})
    assert response.status_code == 409
    assert response.json()["error"] == {
        "code": "invalid_status_transition",
        "message": "Cannot change status from accepted to rejected.",
        "details": None,
    }


def test_status_changes_are_only_for_the_jobs_employer(client_for, seeker, job, other_employer):
    application = Application.objects.create(job=job, applicant=seeker, cover_letter="c")
    url = f"/api/v1/applications/{application.pk}/"
    assert client_for(seeker).patch(url, {"status": "accepted"}).status_code == 403
    assert client_for(other_employer).patch(url, {"status": "accepted"}).status_code == 404
    application.refresh_from_db()
    assert application.status == ApplicationStatus.PENDING


def test_unknown_status_is_a_validation_error(client_for, seeker, job):
    application = Application.objects.create(job=job, applicant=seeker, cover_letter="c")
    response = client_for(job.employer).patch(
        f"/api/v1/applications/{application.pk}/", {"status": "hired"}
    )
    assert (response.status_code, error_code(response)) == (400, "validation_error")
    assert "status" in response.json()["error"]["details"]


def test_applications_need_a_token(api):
    response = api.get("/api/v1/applications/")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"
