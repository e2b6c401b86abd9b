"""OpenECF: PACER Central Sign-On and NextGen CM/ECF, open source."""

__version__ = "0.1.0"
