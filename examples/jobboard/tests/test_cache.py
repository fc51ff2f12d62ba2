import pytest

pytestmark = pytest.mark.django_db


def test_second_read_comes_from_the_cache(api, job, django_assert_num_queries):
    api.get("/api/v1/jobs/")
    api.get(f"/api/v1/jobs/{job.pk}/")
    with django_assert_num_queries(0):
        assert api.get("/api/v1/jobs/").status_code == 200
        assert api.get(f"/api/v1/jobs/{job.pk}/").status_code == 200


# --8<-- [start:cache_invalidation_test]
def test_saving_a_job_invalidates_its_cached_reads(api, job):
    assert api.get("/api/v1/jobs/").json()["results"][0]["title"] == job.title
    assert api.get(f"/api/v1/jobs/{job.pk}/").json()["title"] == job.title

    job.title = "Staff Engineer"
    job.save()  # post_save deletes the detail key and bumps the list version

    assert api.get("/api/v1/jobs/").json()["results"][0]["title"] == "Staff Engineer"
    assert api.get(f"/api/v1/jobs/{job.pk}/").json()["title"] == "Staff Engineer"


def test_deleting_a_job_removes_it_from_the_cached_list(api, job):
    assert len(api.get("/api/v1/jobs/").json()["results"]) == 1
    job.delete()
    assert api.get("/api/v1/jobs/").json()["results"] == []
    assert api.get(f"/api/v1/jobs/{job.pk}/").status_code == 404


# --8<-- [end:cache_invalidation_test]


def test_renaming_a_category_refreshes_the_jobs_that_embed_it(api, job, category):
    api.get(f"/api/v1/jobs/{job.pk}/")
    category.slug = "software"
    category.save()
    assert api.get(f"/api/v1/jobs/{job.pk}/").json()["category"] == "software"


def test_renaming_an_employer_refreshes_the_jobs_that_embed_it(api, job, employer):
    assert api.get("/api/v1/jobs/").json()["results"][0]["employer"] == employer.username
    assert api.get(f"/api/v1/jobs/{job.pk}/").json()["employer"] == employer.username
    employer.username = "acme-hiring"
    employer.save()
    assert api.get("/api/v1/jobs/").json()["results"][0]["employer"] == "acme-hiring"
    assert api.get(f"/api/v1/jobs/{job.pk}/").json()["employer"] == "acme-hiring"


def test_deleting_an_employer_removes_their_cached_jobs(api, job, employer):
    assert len(api.get("/api/v1/jobs/").json()["results"]) == 1
    employer.delete()  # the cascade deletes the job, and post_delete fires for it
    assert api.get("/api/v1/jobs/").json()["results"] == []
    assert api.get(f"/api/v1/jobs/{job.pk}/").status_code == 404


def test_a_login_does_not_empty_the_job_cache(api, job, employer, django_assert_num_queries):
    api.get("/api/v1/jobs/")
    employer.save(update_fields=["last_login"])  # what Django's login does
    with django_assert_num_queries(0):
        api.get("/api/v1/jobs/")


def test_closed_jobs_are_never_served_from_the_cache(api, client_for, make_job):
    closed = make_job(is_active=False)
    assert client_for(closed.employer).get(f"/api/v1/jobs/{closed.pk}/").status_code == 200
    assert api.get(f"/api/v1/jobs/{closed.pk}/").status_code == 404


def test_etag_turns_a_repeat_read_into_304(api, job):
    first = api.get(f"/api/v1/jobs/{job.pk}/")
    assert first["Cache-Control"] == "private, max-age=60"

    again = api.get(f"/api/v1/jobs/{job.pk}/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""

    job.title = "Changed"
    job.save()
    changed = api.get(f"/api/v1/jobs/{job.pk}/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]


def test_list_pages_carry_an_etag(api, job):
    first = api.get("/api/v1/jobs/")
    assert api.get("/api/v1/jobs/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_a_padded_id_shares_the_cache_key_so_a_save_refreshes_it(api, job):
    # /jobs/007/ used to be cached under its own key, which no signal cleared.
    padded = f"/api/v1/jobs/{job.pk:03d}/"
    assert api.get(padded).json()["title"] == job.title
    job.title = "Principal Engineer"
    job.save()
    assert api.get(padded).json()["title"] == "Principal Engineer"


def test_a_non_numeric_job_id_is_a_404(api):
    assert api.get("/api/v1/jobs/abc/").status_code == 404
