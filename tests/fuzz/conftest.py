"""The fuzzer uses the app tests' personas and fixtures."""

from openecf.conftest import *  # noqa: F403
