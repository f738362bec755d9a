"""Exports of the register of processing activities: tables (csv, md), documents (md, html) and
the VNG VAR API shape. Pure: may import models, the loaded register and verwerkingen.views."""
