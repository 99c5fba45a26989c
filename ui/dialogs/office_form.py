"""The office profile form (kop surat): used by the first-run setup and by Administration."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sop_desktop.paths import data_dir
from sop_desktop.services import office
from sop_desktop.services.changes import Changes

FIELDS = ("kementerian", "kantor", "unit", "alamat", "kota", "telepon", "laman", "email")


def store_logo(source: str) -> str:
    """Copy the chosen logo into the data folder so the kop keeps working if the original moves."""
    src = Path(source)
    folder = data_dir() / "kop"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / ("logo" + src.suffix.lower())
    if src.resolve() != target.resolve():
        shutil.copyfile(src, target)
    return str(target)


def store_profile(profile: office.OfficeProfile) -> Changes:
    """Store the profile, its logo first copied into the data folder (`profile.logo_path` then
    names the copy); no widget is touched, so it may run on a worker."""
    if profile.logo_path and Path(profile.logo_path).parent != data_dir() / "kop":
        profile.logo_path = store_logo(profile.logo_path)
    return office.save(profile)


class OfficeProfileForm(QWidget):
    """Edits an OfficeProfile; `changed` fires as the user types (for completeness checks)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        labels = {
            "kementerian": self.tr("Kementerian / lembaga *"),
            "kantor": self.tr("Nama kantor *"),
            "unit": self.tr("Unit / satuan kerja"),
            "alamat": self.tr("Alamat"),
            "kota": self.tr("Kota *"),
            "telepon": self.tr("Telepon"),
            "laman": self.tr("Laman"),
            "email": self.tr("Surel"),
        }
        hints = {
            "kementerian": self.tr("mis. KEMENTERIAN HUKUM"),
            "kantor": self.tr("mis. KANTOR WILAYAH SUMATERA SELATAN"),
            "kota": self.tr("tempat penandatanganan surat, mis. Palembang"),
            "email": self.tr("mis. kanwil@contoh.go.id"),
        }
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.edits: dict[str, QLineEdit] = {}
        for key in FIELDS:
            edit = QLineEdit()
            edit.setObjectName(f"office_{key}")
            edit.setPlaceholderText(hints.get(key, ""))
            edit.textChanged.connect(self.changed)
            self.edits[key] = edit
            form.addRow(labels[key], edit)
        logo_row = QHBoxLayout()
        self.logo_path = QLineEdit()
        self.logo_path.setObjectName("office_logo_path")
        self.logo_path.setPlaceholderText(self.tr("kosong: logo netral bawaan"))
        self.logo_path.textChanged.connect(self._preview_logo)
        choose = QPushButton(self.tr("Pilih logo…"))
        choose.clicked.connect(self._choose_logo)
        logo_row.addWidget(self.logo_path, 1)
        logo_row.addWidget(choose)
        form.addRow(self.tr("Logo kop surat"), logo_row)
        self.logo_preview = QLabel()
        self.logo_preview.setFixedHeight(72)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.addRow("", self.logo_preview)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("office_error")
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def set_profile(self, profile: office.OfficeProfile) -> None:
        self._loaded = profile
        defaults = office.OfficeProfile()
        for key, edit in self.edits.items():
            value = getattr(profile, key)
            edit.setText("" if value == getattr(defaults, key) else value)
        self.logo_path.setText(profile.logo_path)
        self._preview_logo(profile.logo_path)

    def _choose_logo(self) -> None:
        dialog = QFileDialog(self, self.tr("Pilih logo"))
        dialog.setNameFilter(self.tr("Gambar (*.png *.jpg *.jpeg)"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.logo_path.setText)
        dialog.open()

    def _preview_logo(self, path: str) -> None:
        pix = QPixmap(path) if path else QPixmap(str(office.default_logo_path()))
        if pix.isNull():
            self.logo_preview.setText(self.tr("(gambar tidak dapat dibaca)") if path else "")
        else:
            self.logo_preview.setPixmap(pix.scaledToHeight(64, Qt.TransformationMode.SmoothTransformation))

    def missing(self) -> list[str]:
        """The labels of the required fields still empty."""
        required = {"kementerian": self.tr("Kementerian / lembaga"), "kantor": self.tr("Nama kantor"),
                    "kota": self.tr("Kota")}
        return [label for key, label in required.items() if not self.edits[key].text().strip()]

    def profile(self) -> office.OfficeProfile:
        # fields this form does not show (e.g. tanggal_mulai, set with `letter office --set`)
        # keep their stored values
        kept = getattr(self, "_loaded", office.OfficeProfile()).to_dict()
        data = {**kept, **{key: edit.text().strip() for key, edit in self.edits.items()}}
        logo = self.logo_path.text().strip()
        data["logo_path"] = logo
        return office.OfficeProfile.from_dict(data)

    def validate(self) -> bool:
        missing = self.missing()
        logo = self.logo_path.text().strip()
        if missing:
            self.error.setText(self.tr("Wajib diisi: %1").replace("%1", ", ".join(missing)))
            return False
        if logo and (not Path(logo).is_file() or QPixmap(logo).isNull()):
            self.error.setText(self.tr("Logo tidak dapat dibaca: pilih berkas PNG atau JPG."))
            return False
        self.error.setText("")
        return True

    def save(self) -> office.OfficeProfile:
        """Store the profile (copying the logo into the data folder)."""
        profile = self.profile()
        store_profile(profile)
        self.logo_path.setText(profile.logo_path)
        self._preview_logo(profile.logo_path)
        return profile
