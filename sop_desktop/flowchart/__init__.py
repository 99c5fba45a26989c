"""The swimlane flowchart of an SOP: one layout (layout.py), projected to PDF, SVG/PNG and Qt."""

from sop_desktop.flowchart.layout import SopLayout, layout_sop

__all__ = ["SopLayout", "layout_sop"]
