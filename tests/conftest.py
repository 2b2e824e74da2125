"""Shared fixtures: the loaded tables, loaded once per test session."""

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
