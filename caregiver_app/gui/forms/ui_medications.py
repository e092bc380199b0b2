# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'medications.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDateEdit,
    QFormLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

from caregiver_app.gui.journal.medication_fields import (AmountSpinBox, SupplySpinBox)

class Ui_MedicationForm(object):
    def setupUi(self, MedicationForm):
        if not MedicationForm.objectName():
            MedicationForm.setObjectName(u"MedicationForm")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(MedicationForm.sizePolicy().hasHeightForWidth())
        MedicationForm.setSizePolicy(sizePolicy)
        MedicationForm.resize(560, 360)
        self.outerLayout = QVBoxLayout(MedicationForm)
        self.outerLayout.setObjectName(u"outerLayout")
        self.outerLayout.setContentsMargins(0, 0, 0, 0)
        self.details = QGroupBox(MedicationForm)
        self.details.setObjectName(u"details")
        sizePolicy.setHeightForWidth(self.details.sizePolicy().hasHeightForWidth())
        self.details.setSizePolicy(sizePolicy)
        self.form = QFormLayout(self.details)
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.nameLabel = QLabel(self.details)
        self.nameLabel.setObjectName(u"nameLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(self.details)
        self.nameEdit.setObjectName(u"nameEdit")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.doseLabel = QLabel(self.details)
        self.doseLabel.setObjectName(u"doseLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.doseLabel)

        self.doseRow = QWidget(self.details)
        self.doseRow.setObjectName(u"doseRow")
        self.doseLayout = QHBoxLayout(self.doseRow)
        self.doseLayout.setObjectName(u"doseLayout")
        self.doseLayout.setContentsMargins(0, 0, 0, 0)
        self.amount = AmountSpinBox(self.doseRow)
        self.amount.setObjectName(u"amount")

        self.doseLayout.addWidget(self.amount)

        self.unit = QComboBox(self.doseRow)
        self.unit.setObjectName(u"unit")
        self.unit.setEditable(True)

        self.doseLayout.addWidget(self.unit)

        self.doseSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.doseLayout.addItem(self.doseSpacer)


        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.doseRow)

        self.currentLabel = QLabel(self.details)
        self.currentLabel.setObjectName(u"currentLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.currentLabel)

        self.currentRow = QWidget(self.details)
        self.currentRow.setObjectName(u"currentRow")
        self.currentLayout = QHBoxLayout(self.currentRow)
        self.currentLayout.setObjectName(u"currentLayout")
        self.currentLayout.setContentsMargins(0, 0, 0, 0)
        self.currentDose = QLabel(self.currentRow)
        self.currentDose.setObjectName(u"currentDose")
        self.currentDose.setWordWrap(True)
        self.currentDose.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.currentLayout.addWidget(self.currentDose)

        self.changeDoseButton = QPushButton(self.currentRow)
        self.changeDoseButton.setObjectName(u"changeDoseButton")

        self.currentLayout.addWidget(self.changeDoseButton)

        self.currentLayout.setStretch(0, 1)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.currentRow)

        self.scheduleLabel = QLabel(self.details)
        self.scheduleLabel.setObjectName(u"scheduleLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.scheduleLabel)

        self.schedule = QComboBox(self.details)
        self.schedule.setObjectName(u"schedule")
        self.schedule.setEditable(True)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.schedule)

        self.asNeeded = QCheckBox(self.details)
        self.asNeeded.setObjectName(u"asNeeded")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.asNeeded)

        self.reasonLabel = QLabel(self.details)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reason = QLineEdit(self.details)
        self.reason.setObjectName(u"reason")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.reason)

        self.prescriberLabel = QLabel(self.details)
        self.prescriberLabel.setObjectName(u"prescriberLabel")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.prescriberLabel)

        self.prescriber = QLineEdit(self.details)
        self.prescriber.setObjectName(u"prescriber")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.prescriber)

        self.startCheck = QCheckBox(self.details)
        self.startCheck.setObjectName(u"startCheck")

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.startCheck)

        self.startRow = QWidget(self.details)
        self.startRow.setObjectName(u"startRow")
        self.startLayout = QHBoxLayout(self.startRow)
        self.startLayout.setObjectName(u"startLayout")
        self.startLayout.setContentsMargins(0, 0, 0, 0)
        self.startEdit = QDateEdit(self.startRow)
        self.startEdit.setObjectName(u"startEdit")
        self.startEdit.setEnabled(False)
        self.startEdit.setCalendarPopup(True)

        self.startLayout.addWidget(self.startEdit)

        self.startSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.startLayout.addItem(self.startSpacer)


        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.startRow)

        self.stopCheck = QCheckBox(self.details)
        self.stopCheck.setObjectName(u"stopCheck")

        self.form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.stopCheck)

        self.stopRow = QWidget(self.details)
        self.stopRow.setObjectName(u"stopRow")
        self.stopLayout = QHBoxLayout(self.stopRow)
        self.stopLayout.setObjectName(u"stopLayout")
        self.stopLayout.setContentsMargins(0, 0, 0, 0)
        self.stopEdit = QDateEdit(self.stopRow)
        self.stopEdit.setObjectName(u"stopEdit")
        self.stopEdit.setEnabled(False)
        self.stopEdit.setCalendarPopup(True)

        self.stopLayout.addWidget(self.stopEdit)

        self.stopSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.stopLayout.addItem(self.stopSpacer)


        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.stopRow)

        self.remindLabel = QLabel(self.details)
        self.remindLabel.setObjectName(u"remindLabel")

        self.form.setWidget(9, QFormLayout.ItemRole.LabelRole, self.remindLabel)

        self.remindersRow = QWidget(self.details)
        self.remindersRow.setObjectName(u"remindersRow")

        self.form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.remindersRow)

        self.supplyCheck = QCheckBox(self.details)
        self.supplyCheck.setObjectName(u"supplyCheck")

        self.form.setWidget(10, QFormLayout.ItemRole.LabelRole, self.supplyCheck)

        self.supplyRow = QWidget(self.details)
        self.supplyRow.setObjectName(u"supplyRow")
        self.supplyLayout = QHBoxLayout(self.supplyRow)
        self.supplyLayout.setObjectName(u"supplyLayout")
        self.supplyLayout.setContentsMargins(0, 0, 0, 0)
        self.onHand = SupplySpinBox(self.supplyRow)
        self.onHand.setObjectName(u"onHand")
        self.onHand.setEnabled(False)

        self.supplyLayout.addWidget(self.onHand)

        self.onHandHint = QLabel(self.supplyRow)
        self.onHandHint.setObjectName(u"onHandHint")

        self.supplyLayout.addWidget(self.onHandHint)


        self.form.setWidget(10, QFormLayout.ItemRole.FieldRole, self.supplyRow)

        self.perDoseLabel = QLabel(self.details)
        self.perDoseLabel.setObjectName(u"perDoseLabel")

        self.form.setWidget(11, QFormLayout.ItemRole.LabelRole, self.perDoseLabel)

        self.perDose = SupplySpinBox(self.details)
        self.perDose.setObjectName(u"perDose")
        self.perDose.setEnabled(False)

        self.form.setWidget(11, QFormLayout.ItemRole.FieldRole, self.perDose)

        self.refillLabel = QLabel(self.details)
        self.refillLabel.setObjectName(u"refillLabel")

        self.form.setWidget(12, QFormLayout.ItemRole.LabelRole, self.refillLabel)

        self.refillAt = SupplySpinBox(self.details)
        self.refillAt.setObjectName(u"refillAt")
        self.refillAt.setEnabled(False)

        self.form.setWidget(12, QFormLayout.ItemRole.FieldRole, self.refillAt)


        self.outerLayout.addWidget(self.details)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.doseLabel.setBuddy(self.amount)
        self.scheduleLabel.setBuddy(self.schedule)
        self.reasonLabel.setBuddy(self.reason)
        self.prescriberLabel.setBuddy(self.prescriber)
        self.remindLabel.setBuddy(self.remindersRow)
        self.perDoseLabel.setBuddy(self.perDose)
        self.refillLabel.setBuddy(self.refillAt)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.amount)
        QWidget.setTabOrder(self.amount, self.unit)
        QWidget.setTabOrder(self.unit, self.changeDoseButton)
        QWidget.setTabOrder(self.changeDoseButton, self.schedule)
        QWidget.setTabOrder(self.schedule, self.asNeeded)
        QWidget.setTabOrder(self.asNeeded, self.reason)
        QWidget.setTabOrder(self.reason, self.prescriber)
        QWidget.setTabOrder(self.prescriber, self.startCheck)
        QWidget.setTabOrder(self.startCheck, self.startEdit)
        QWidget.setTabOrder(self.startEdit, self.stopCheck)
        QWidget.setTabOrder(self.stopCheck, self.stopEdit)
        QWidget.setTabOrder(self.stopEdit, self.supplyCheck)
        QWidget.setTabOrder(self.supplyCheck, self.onHand)
        QWidget.setTabOrder(self.onHand, self.perDose)
        QWidget.setTabOrder(self.perDose, self.refillAt)

        self.retranslateUi(MedicationForm)
        self.startCheck.toggled.connect(self.startEdit.setEnabled)
        self.stopCheck.toggled.connect(self.stopEdit.setEnabled)
        self.supplyCheck.toggled.connect(self.onHand.setEnabled)
        self.supplyCheck.toggled.connect(self.perDose.setEnabled)
        self.supplyCheck.toggled.connect(self.refillAt.setEnabled)

        QMetaObject.connectSlotsByName(MedicationForm)
    # setupUi

    def retranslateUi(self, MedicationForm):
        self.details.setTitle(QCoreApplication.translate("MedicationForm", u"New medicine", None))
        self.nameLabel.setText(QCoreApplication.translate("MedicationForm", u"Na&me", None))
#if QT_CONFIG(accessibility)
        self.nameEdit.setAccessibleName(QCoreApplication.translate("MedicationForm", u"Name of the medicine", None))
#endif // QT_CONFIG(accessibility)
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("MedicationForm", u"For example: Sertraline", None))
        self.doseLabel.setText(QCoreApplication.translate("MedicationForm", u"&Dose", None))
#if QT_CONFIG(accessibility)
        self.amount.setAccessibleName(QCoreApplication.translate("MedicationForm", u"Dose amount", None))
#endif // QT_CONFIG(accessibility)
        self.currentLabel.setText(QCoreApplication.translate("MedicationForm", u"Current dose", None))
#if QT_CONFIG(tooltip)
        self.changeDoseButton.setToolTip(QCoreApplication.translate("MedicationForm", u"A new dose from a date; the old one stays in the history", None))
#endif // QT_CONFIG(tooltip)
        self.changeDoseButton.setText(QCoreApplication.translate("MedicationForm", u"C&hange the dose\u2026", None))
        self.scheduleLabel.setText(QCoreApplication.translate("MedicationForm", u"How o&ften", None))
#if QT_CONFIG(tooltip)
        self.asNeeded.setToolTip(QCoreApplication.translate("MedicationForm", u"A day without it is then not a missed dose", None))
#endif // QT_CONFIG(tooltip)
        self.asNeeded.setText(QCoreApplication.translate("MedicationForm", u"Taken only when needed (\u201cas needed\u201d)", None))
        self.reasonLabel.setText(QCoreApplication.translate("MedicationForm", u"What it is fo&r", None))
#if QT_CONFIG(accessibility)
        self.reason.setAccessibleName(QCoreApplication.translate("MedicationForm", u"What it is for", None))
#endif // QT_CONFIG(accessibility)
        self.reason.setPlaceholderText(QCoreApplication.translate("MedicationForm", u"For example: low mood, sleep, blood pressure", None))
        self.prescriberLabel.setText(QCoreApplication.translate("MedicationForm", u"&Prescribed by", None))
#if QT_CONFIG(accessibility)
        self.prescriber.setAccessibleName(QCoreApplication.translate("MedicationForm", u"Who prescribed it", None))
#endif // QT_CONFIG(accessibility)
        self.prescriber.setPlaceholderText(QCoreApplication.translate("MedicationForm", u"For example: Dr. Okafor, psychiatrist", None))
        self.startCheck.setText(QCoreApplication.translate("MedicationForm", u"S&tarted on", None))
#if QT_CONFIG(accessibility)
        self.startEdit.setAccessibleName(QCoreApplication.translate("MedicationForm", u"Started on", None))
#endif // QT_CONFIG(accessibility)
        self.stopCheck.setText(QCoreApplication.translate("MedicationForm", u"St&opped on", None))
#if QT_CONFIG(accessibility)
        self.stopEdit.setAccessibleName(QCoreApplication.translate("MedicationForm", u"Stopped on", None))
#endif // QT_CONFIG(accessibility)
        self.remindLabel.setText(QCoreApplication.translate("MedicationForm", u"Rem&ind at", None))
#if QT_CONFIG(accessibility)
        self.remindersRow.setAccessibleName(QCoreApplication.translate("MedicationForm", u"Reminder times", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.supplyCheck.setToolTip(QCoreApplication.translate("MedicationForm", u"Count down what is at home with every dose taken, and remind before it runs out", None))
#endif // QT_CONFIG(tooltip)
        self.supplyCheck.setText(QCoreApplication.translate("MedicationForm", u"&Keep count: on hand", None))
#if QT_CONFIG(accessibility)
        self.onHand.setAccessibleName(QCoreApplication.translate("MedicationForm", u"How much is at home now", None))
#endif // QT_CONFIG(accessibility)
        self.onHandHint.setText(QCoreApplication.translate("MedicationForm", u"units at home now", None))
        self.perDoseLabel.setText(QCoreApplication.translate("MedicationForm", u"Each dos&e uses", None))
#if QT_CONFIG(accessibility)
        self.perDose.setAccessibleName(QCoreApplication.translate("MedicationForm", u"Units each dose uses", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.perDose.setToolTip(QCoreApplication.translate("MedicationForm", u"How many tablets (or other units) one dose uses", None))
#endif // QT_CONFIG(tooltip)
        self.refillLabel.setText(QCoreApplication.translate("MedicationForm", u"Refill reminder at or belo&w", None))
#if QT_CONFIG(accessibility)
        self.refillAt.setAccessibleName(QCoreApplication.translate("MedicationForm", u"Remind to refill at or below this many units", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.refillAt.setToolTip(QCoreApplication.translate("MedicationForm", u"A reminder to refill when this many units or fewer are left (0: no refill reminder)", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi

