"""The one exception readers raise for a bad input; callers turn it into an IngestFailure."""


class InputError(Exception):
    """An input that cannot become a document. The message is the one-line reason."""

    @property
    def reason(self) -> str:
        return str(self.args[0]) if self.args else "unreadable input"
