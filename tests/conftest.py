"""Shared fixtures: the loaded tables, loaded once per test session, and a copy of the shipped data folder."""

import shutil

import pytest

import vetcompare as vc


@pytest.fixture(scope="session")
def targets():
    return vc.load_targets()


@pytest.fixture(scope="session")
def all_targets():
    return vc.load_targets(include_repeats=True)


@pytest.fixture(scope="session")
def documents():
    return vc.load_documents()


@pytest.fixture(scope="session")
def codebook():
    return vc.load_codebook()


@pytest.fixture()
def data(tmp_path):
    """A copy of the shipped data folder, to change without touching the shipped one."""
    root = tmp_path / "data"
    shutil.copytree(vc.DataFolder.shipped().root, root, ignore=shutil.ignore_patterns("__pycache__"))
    return vc.DataFolder(root)
