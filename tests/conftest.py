"""Shared fixtures: offscreen Qt, a fresh data folder and database for every test.

The sample database is built once per session (``sample_db``) and copied for each test that
needs it (``sample_store``, ``sample_db_copy``, ``report_store``): building it takes seconds.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

import shutil  # noqa: E402

import pytest  # noqa: E402

from nki_desktop.importers import sample  # noqa: E402
from nki_desktop.paths import shipped_catalogue  # noqa: E402
from nki_desktop.storage import Store  # noqa: E402


@pytest.fixture(autouse=True)
def _data_dir(tmp_path, monkeypatch):
    """Every test gets its own data folder, so settings and databases never leak."""
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("NKI_DATA_DIR", str(folder))
    return folder


@pytest.fixture(scope="session")
def sample_batch():
    return sample.generate(shipped_catalogue())


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory, sample_batch):
    """A database holding the sample data, built once per session; never opened by a test."""
    path = tmp_path_factory.mktemp("sampledb") / "sample.sqlite"
    store = Store.open(path)
    store.save_import(sample_batch)
    store.close()  # the last connection checkpoints the WAL: one self-contained file
    return path


@pytest.fixture
def sample_db_copy(sample_db, tmp_path):
    """The path of this test's own copy of the sample database (for the command line)."""
    path = tmp_path / "sample-copy.sqlite"
    shutil.copy(sample_db, path)
    return path


@pytest.fixture
def store(request, tmp_path):
    """This test's database; a copy of the sample database when the test asks for
    ``sample_store`` (so a window built on ``store`` sees the sample data too)."""
    path = tmp_path / "test.sqlite"
    if "sample_store" in request.fixturenames:
        shutil.copy(request.getfixturevalue("sample_db"), path)
    s = Store.open(path)
    yield s
    s.close()


@pytest.fixture
def sample_store(store):
    return store


@pytest.fixture
def report_store(sample_db_copy):
    """A fresh copy of the sample database for one report test."""
    store = Store.open(sample_db_copy)
    yield store
    store.close()
