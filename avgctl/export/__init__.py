"""Exports of the register: tables, documents and the VNG VAR API shape."""
