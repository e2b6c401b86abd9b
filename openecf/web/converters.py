class CourtIdConverter:
    """A CM/ECF court id in a URL: ``mowd``, ``mowb``, ``ca8``. Unknown ids 404 in the view."""

    regex = "[a-z][a-z0-9]{1,7}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value
