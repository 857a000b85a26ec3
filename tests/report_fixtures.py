"""A sample database built once per module and copied for each report test (fast).

Import both fixtures into a test module: ``from tests.report_fixtures import
report_store_fixture, sample_db_fixture  # noqa: F401``.
"""

from __future__ import annotations

import shutil

import pytest

from nki_desktop.storage import Store


@pytest.fixture(scope="module", name="sample_db")
def sample_db_fixture(tmp_path_factory, sample_batch):
    path = tmp_path_factory.mktemp("reportdb") / "sample.sqlite"
    store = Store.open(path)
    store.save_import(sample_batch)
    store.close()
    return path


@pytest.fixture(name="report_store")
def report_store_fixture(sample_db, tmp_path):
    """A fresh copy of the sample database for one test."""
    path = tmp_path / "report.sqlite"
    shutil.copy(sample_db, path)
    store = Store.open(path)
    yield store
    store.close()
