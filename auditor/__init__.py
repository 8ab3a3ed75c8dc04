"""auditor: consistency and duplication auditor for Chinese government
information-disclosure annual reports (政府信息公开工作年度报告)."""

from auditor.version import __version__


def audit(*args, **kwargs):
    """See `auditor.api.audit`."""
    from auditor.api import audit as _audit

    return _audit(*args, **kwargs)


__all__ = ["audit", "__version__"]
