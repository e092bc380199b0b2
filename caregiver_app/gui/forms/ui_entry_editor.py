# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'entry_editor.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractSpinBox, QApplication, QCheckBox, QComboBox,
    QFormLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QPlainTextEdit, QPushButton, QRadioButton,
    QSizePolicy, QSpacerItem, QSpinBox, QVBoxLayout,
    QWidget)

from caregiver_app.gui.common.time_hint import TimeHint
from caregiver_app.gui.journal.draft_keeper import DraftBar
from caregiver_app.gui.journal.entry_fields import (HoursSpinBox, TagLineEdit)

class Ui_EntryEditorForm(object):
    def setupUi(self, EntryEditorForm):
        if not EntryEditorForm.objectName():
            EntryEditorForm.setObjectName(u"EntryEditorForm")
        self.body_layout = QVBoxLayout(EntryEditorForm)
        self.body_layout.setObjectName(u"body_layout")
        self.draft_bar = DraftBar(EntryEditorForm)
        self.draft_bar.setObjectName(u"draft_bar")

        self.body_layout.addWidget(self.draft_bar)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.when_label = QLabel(EntryEditorForm)
        self.when_label.setObjectName(u"when_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.when_label)

        self.when_row = QHBoxLayout()
        self.when_row.setObjectName(u"when_row")
        self.now_button = QPushButton(EntryEditorForm)
        self.now_button.setObjectName(u"now_button")

        self.when_row.addWidget(self.now_button)


        self.form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.when_row)

        self.time_hint = TimeHint(EntryEditorForm)
        self.time_hint.setObjectName(u"time_hint")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.time_hint)

        self.recorder_box = QGroupBox(EntryEditorForm)
        self.recorder_box.setObjectName(u"recorder_box")
        self.recorder_layout = QVBoxLayout(self.recorder_box)
        self.recorder_layout.setObjectName(u"recorder_layout")
        self.person_radio = QRadioButton(self.recorder_box)
        self.person_radio.setObjectName(u"person_radio")

        self.recorder_layout.addWidget(self.person_radio)

        self.family_row = QHBoxLayout()
        self.family_row.setObjectName(u"family_row")
        self.family_radio = QRadioButton(self.recorder_box)
        self.family_radio.setObjectName(u"family_radio")

        self.family_row.addWidget(self.family_radio)

        self.family_name = QLineEdit(self.recorder_box)
        self.family_name.setObjectName(u"family_name")

        self.family_row.addWidget(self.family_name)


        self.recorder_layout.addLayout(self.family_row)


        self.form.setWidget(2, QFormLayout.ItemRole.SpanningRole, self.recorder_box)

        self.mood_slot = QVBoxLayout()
        self.mood_slot.setObjectName(u"mood_slot")
        self.mood_slot.setContentsMargins(0, 0, 0, 0)

        self.form.setLayout(3, QFormLayout.ItemRole.SpanningRole, self.mood_slot)

        self.anxiety_label = QLabel(EntryEditorForm)
        self.anxiety_label.setObjectName(u"anxiety_label")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.anxiety_label)

        self.anxiety_row = QHBoxLayout()
        self.anxiety_row.setObjectName(u"anxiety_row")
        self.anxiety = QSpinBox(EntryEditorForm)
        self.anxiety.setObjectName(u"anxiety")
        self.anxiety.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        self.anxiety.setMinimum(-1)
        self.anxiety.setMaximum(10)
        self.anxiety.setValue(-1)

        self.anxiety_row.addWidget(self.anxiety)

        self.anxiety_anchors = QLabel(EntryEditorForm)
        self.anxiety_anchors.setObjectName(u"anxiety_anchors")
        self.anxiety_anchors.setWordWrap(True)

        self.anxiety_row.addWidget(self.anxiety_anchors)


        self.form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.anxiety_row)

        self.energy_label = QLabel(EntryEditorForm)
        self.energy_label.setObjectName(u"energy_label")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.energy_label)

        self.energy_row = QHBoxLayout()
        self.energy_row.setObjectName(u"energy_row")
        self.energy = QSpinBox(EntryEditorForm)
        self.energy.setObjectName(u"energy")
        self.energy.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        self.energy.setMinimum(-1)
        self.energy.setMaximum(10)
        self.energy.setValue(-1)

        self.energy_row.addWidget(self.energy)

        self.energy_anchors = QLabel(EntryEditorForm)
        self.energy_anchors.setObjectName(u"energy_anchors")
        self.energy_anchors.setWordWrap(True)

        self.energy_row.addWidget(self.energy_anchors)


        self.form.setLayout(5, QFormLayout.ItemRole.FieldRole, self.energy_row)

        self.elevation_label = QLabel(EntryEditorForm)
        self.elevation_label.setObjectName(u"elevation_label")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.elevation_label)

        self.elevation = QComboBox(EntryEditorForm)
        self.elevation.setObjectName(u"elevation")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.elevation)

        self.sleep_hours_label = QLabel(EntryEditorForm)
        self.sleep_hours_label.setObjectName(u"sleep_hours_label")

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.sleep_hours_label)

        self.sleep_hours = HoursSpinBox(EntryEditorForm)
        self.sleep_hours.setObjectName(u"sleep_hours")
        self.sleep_hours.setDecimals(2)
        self.sleep_hours.setMinimum(-0.250000000000000)
        self.sleep_hours.setMaximum(24.000000000000000)
        self.sleep_hours.setSingleStep(0.250000000000000)
        self.sleep_hours.setValue(-0.250000000000000)

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.sleep_hours)

        self.sleep_quality_label = QLabel(EntryEditorForm)
        self.sleep_quality_label.setObjectName(u"sleep_quality_label")

        self.form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.sleep_quality_label)

        self.sleep_quality = QComboBox(EntryEditorForm)
        self.sleep_quality.setObjectName(u"sleep_quality")

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.sleep_quality)

        self.symptom_box = QGroupBox(EntryEditorForm)
        self.symptom_box.setObjectName(u"symptom_box")
        self.symptom_layout = QVBoxLayout(self.symptom_box)
        self.symptom_layout.setObjectName(u"symptom_layout")
        self.symptom_rows_layout = QVBoxLayout()
        self.symptom_rows_layout.setObjectName(u"symptom_rows_layout")

        self.symptom_layout.addLayout(self.symptom_rows_layout)

        self.symptom_anchors = QLabel(self.symptom_box)
        self.symptom_anchors.setObjectName(u"symptom_anchors")
        self.symptom_anchors.setWordWrap(True)

        self.symptom_layout.addWidget(self.symptom_anchors)

        self.add_symptom_row = QHBoxLayout()
        self.add_symptom_row.setObjectName(u"add_symptom_row")
        self.add_symptom_button = QPushButton(self.symptom_box)
        self.add_symptom_button.setObjectName(u"add_symptom_button")

        self.add_symptom_row.addWidget(self.add_symptom_button)

        self.add_symptom_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.add_symptom_row.addItem(self.add_symptom_spacer)


        self.symptom_layout.addLayout(self.add_symptom_row)


        self.form.setWidget(9, QFormLayout.ItemRole.SpanningRole, self.symptom_box)

        self.doses_slot = QVBoxLayout()
        self.doses_slot.setObjectName(u"doses_slot")
        self.doses_slot.setContentsMargins(0, 0, 0, 0)

        self.form.setLayout(10, QFormLayout.ItemRole.SpanningRole, self.doses_slot)

        self.activities_label = QLabel(EntryEditorForm)
        self.activities_label.setObjectName(u"activities_label")

        self.form.setWidget(11, QFormLayout.ItemRole.LabelRole, self.activities_label)

        self.activities = TagLineEdit(EntryEditorForm)
        self.activities.setObjectName(u"activities")

        self.form.setWidget(11, QFormLayout.ItemRole.FieldRole, self.activities)

        self.activities_chips_slot = QVBoxLayout()
        self.activities_chips_slot.setObjectName(u"activities_chips_slot")
        self.activities_chips_slot.setContentsMargins(0, 0, 0, 0)

        self.form.setLayout(12, QFormLayout.ItemRole.FieldRole, self.activities_chips_slot)

        self.stressors_label = QLabel(EntryEditorForm)
        self.stressors_label.setObjectName(u"stressors_label")

        self.form.setWidget(13, QFormLayout.ItemRole.LabelRole, self.stressors_label)

        self.stressors = TagLineEdit(EntryEditorForm)
        self.stressors.setObjectName(u"stressors")

        self.form.setWidget(13, QFormLayout.ItemRole.FieldRole, self.stressors)

        self.stressors_chips_slot = QVBoxLayout()
        self.stressors_chips_slot.setObjectName(u"stressors_chips_slot")
        self.stressors_chips_slot.setContentsMargins(0, 0, 0, 0)

        self.form.setLayout(14, QFormLayout.ItemRole.FieldRole, self.stressors_chips_slot)

        self.note_label = QLabel(EntryEditorForm)
        self.note_label.setObjectName(u"note_label")

        self.form.setWidget(15, QFormLayout.ItemRole.LabelRole, self.note_label)

        self.note = QPlainTextEdit(EntryEditorForm)
        self.note.setObjectName(u"note")
        self.note.setTabChangesFocus(True)

        self.form.setWidget(15, QFormLayout.ItemRole.FieldRole, self.note)

        self.flag = QCheckBox(EntryEditorForm)
        self.flag.setObjectName(u"flag")

        self.form.setWidget(16, QFormLayout.ItemRole.SpanningRole, self.flag)


        self.body_layout.addLayout(self.form)

        self.body_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.body_layout.addItem(self.body_spacer)

#if QT_CONFIG(shortcut)
        self.anxiety_label.setBuddy(self.anxiety)
        self.energy_label.setBuddy(self.energy)
        self.elevation_label.setBuddy(self.elevation)
        self.sleep_hours_label.setBuddy(self.sleep_hours)
        self.sleep_quality_label.setBuddy(self.sleep_quality)
        self.activities_label.setBuddy(self.activities)
        self.stressors_label.setBuddy(self.stressors)
        self.note_label.setBuddy(self.note)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(EntryEditorForm)

        QMetaObject.connectSlotsByName(EntryEditorForm)
    # setupUi

    def retranslateUi(self, EntryEditorForm):
#if QT_CONFIG(accessibility)
        EntryEditorForm.setAccessibleName(QCoreApplication.translate("EntryEditorForm", u"Journal entry", None))
#endif // QT_CONFIG(accessibility)
        self.when_label.setText(QCoreApplication.translate("EntryEditorForm", u"&When", None))
        self.now_button.setText(QCoreApplication.translate("EntryEditorForm", u"Now", None))
#if QT_CONFIG(accessibility)
        self.now_button.setAccessibleName(QCoreApplication.translate("EntryEditorForm", u"Set the date and time to now", None))
#endif // QT_CONFIG(accessibility)
        self.recorder_box.setTitle(QCoreApplication.translate("EntryEditorForm", u"Who is recording this entry?", None))
#if QT_CONFIG(accessibility)
        self.recorder_box.setAccessibleName(QCoreApplication.translate("EntryEditorForm", u"Recorded by", None))
#endif // QT_CONFIG(accessibility)
        self.family_radio.setText(QCoreApplication.translate("EntryEditorForm", u"&A family member:", None))
#if QT_CONFIG(accessibility)
        self.family_name.setAccessibleName(QCoreApplication.translate("EntryEditorForm", u"Family member's name", None))
#endif // QT_CONFIG(accessibility)
        self.family_name.setPlaceholderText(QCoreApplication.translate("EntryEditorForm", u"Their name, for example Ana", None))
        self.anxiety_label.setText(QCoreApplication.translate("EntryEditorForm", u"An&xiety", None))
        self.energy_label.setText(QCoreApplication.translate("EntryEditorForm", u"Ener&gy", None))
        self.elevation_label.setText(QCoreApplication.translate("EntryEditorForm", u"Ele&vated / irritable", None))
#if QT_CONFIG(tooltip)
        self.elevation.setToolTip(QCoreApplication.translate("EntryEditorForm", u"Rated apart from mood: how high, wired or irritable they were (none, mild, moderate or severe)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.elevation.setAccessibleName(QCoreApplication.translate("EntryEditorForm", u"Elevated or irritable", None))
#endif // QT_CONFIG(accessibility)
        self.sleep_hours_label.setText(QCoreApplication.translate("EntryEditorForm", u"S&leep last night", None))
#if QT_CONFIG(tooltip)
        self.sleep_hours.setToolTip(QCoreApplication.translate("EntryEditorForm", u"Hours of sleep last night, in quarter hours (0 to 24)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.sleep_hours.setAccessibleName(QCoreApplication.translate("EntryEditorForm", u"Hours of sleep last night", None))
#endif // QT_CONFIG(accessibility)
        self.sleep_hours.setSpecialValueText(QCoreApplication.translate("EntryEditorForm", u"Not recorded", None))
        self.sleep_hours.setSuffix(QCoreApplication.translate("EntryEditorForm", u" hours", None))
        self.sleep_quality_label.setText(QCoreApplication.translate("EntryEditorForm", u"Sleep &quality", None))
#if QT_CONFIG(accessibility)
        self.sleep_quality.setAccessibleName(QCoreApplication.translate("EntryEditorForm", u"How well they slept", None))
#endif // QT_CONFIG(accessibility)
        self.symptom_box.setTitle(QCoreApplication.translate("EntryEditorForm", u"Symptoms", None))
#if QT_CONFIG(accessibility)
        self.symptom_box.setAccessibleName(QCoreApplication.translate("EntryEditorForm", u"Symptoms with severity", None))
#endif // QT_CONFIG(accessibility)
        self.add_symptom_button.setText(QCoreApplication.translate("EntryEditorForm", u"Add a s&ymptom", None))
#if QT_CONFIG(accessibility)
        self.add_symptom_button.setAccessibleName(QCoreApplication.translate("EntryEditorForm", u"Add a symptom", None))
#endif // QT_CONFIG(accessibility)
        self.activities_label.setText(QCoreApplication.translate("EntryEditorForm", u"Ac&tivities", None))
#if QT_CONFIG(accessibility)
        self.activities.setAccessibleName(QCoreApplication.translate("EntryEditorForm", u"Activities, separated by commas", None))
#endif // QT_CONFIG(accessibility)
        self.activities.setPlaceholderText(QCoreApplication.translate("EntryEditorForm", u"For example: walk, visit with friends", None))
        self.stressors_label.setText(QCoreApplication.translate("EntryEditorForm", u"St&ressors", None))
#if QT_CONFIG(accessibility)
        self.stressors.setAccessibleName(QCoreApplication.translate("EntryEditorForm", u"Stressors, separated by commas", None))
#endif // QT_CONFIG(accessibility)
        self.stressors.setPlaceholderText(QCoreApplication.translate("EntryEditorForm", u"For example: money worries, poor night", None))
        self.note_label.setText(QCoreApplication.translate("EntryEditorForm", u"&Note", None))
#if QT_CONFIG(accessibility)
        self.note.setAccessibleName(QCoreApplication.translate("EntryEditorForm", u"Note", None))
#endif // QT_CONFIG(accessibility)
        self.note.setPlaceholderText(QCoreApplication.translate("EntryEditorForm", u"Anything else worth remembering", None))
        self.flag.setText(QCoreApplication.translate("EntryEditorForm", u"&Bring this up at the next visit", None))
    # retranslateUi

