# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'summary_controls.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QDateEdit, QFormLayout,
    QGroupBox, QHBoxLayout, QLabel, QPlainTextEdit,
    QPushButton, QRadioButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_SummaryControls(object):
    def setupUi(self, SummaryControls):
        if not SummaryControls.objectName():
            SummaryControls.setObjectName(u"SummaryControls")
        SummaryControls.resize(420, 900)
        SummaryControls.setMinimumSize(QSize(0, 1))
        self.controlsLayout = QVBoxLayout(SummaryControls)
        self.controlsLayout.setObjectName(u"controlsLayout")
        self.intro_label = QLabel(SummaryControls)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setTextFormat(Qt.TextFormat.PlainText)
        self.intro_label.setWordWrap(True)

        self.controlsLayout.addWidget(self.intro_label)

        self.range_box = QGroupBox(SummaryControls)
        self.range_box.setObjectName(u"range_box")
        self.range_layout = QVBoxLayout(self.range_box)
        self.range_layout.setObjectName(u"range_layout")
        self.since_button = QRadioButton(self.range_box)
        self.since_button.setObjectName(u"since_button")

        self.range_layout.addWidget(self.since_button)

        self.last_14_button = QRadioButton(self.range_box)
        self.last_14_button.setObjectName(u"last_14_button")

        self.range_layout.addWidget(self.last_14_button)

        self.last_30_button = QRadioButton(self.range_box)
        self.last_30_button.setObjectName(u"last_30_button")
        self.last_30_button.setChecked(True)

        self.range_layout.addWidget(self.last_30_button)

        self.last_90_button = QRadioButton(self.range_box)
        self.last_90_button.setObjectName(u"last_90_button")

        self.range_layout.addWidget(self.last_90_button)

        self.custom_button = QRadioButton(self.range_box)
        self.custom_button.setObjectName(u"custom_button")

        self.range_layout.addWidget(self.custom_button)

        self.dates_form = QFormLayout()
        self.dates_form.setObjectName(u"dates_form")
        self.dates_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.dates_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.start_label = QLabel(self.range_box)
        self.start_label.setObjectName(u"start_label")

        self.dates_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.start_label)

        self.start_edit = QDateEdit(self.range_box)
        self.start_edit.setObjectName(u"start_edit")
        self.start_edit.setCalendarPopup(True)

        self.dates_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.start_edit)

        self.end_label = QLabel(self.range_box)
        self.end_label.setObjectName(u"end_label")

        self.dates_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.end_label)

        self.end_edit = QDateEdit(self.range_box)
        self.end_edit.setObjectName(u"end_edit")
        self.end_edit.setCalendarPopup(True)

        self.dates_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.end_edit)


        self.range_layout.addLayout(self.dates_form)


        self.controlsLayout.addWidget(self.range_box)

        self.section_box = QGroupBox(SummaryControls)
        self.section_box.setObjectName(u"section_box")
        self.section_layout = QVBoxLayout(self.section_box)
        self.section_layout.setObjectName(u"section_layout")

        self.controlsLayout.addWidget(self.section_box)

        self.leave_row = QHBoxLayout()
        self.leave_row.setObjectName(u"leave_row")
        self.leave_out_button = QPushButton(SummaryControls)
        self.leave_out_button.setObjectName(u"leave_out_button")

        self.leave_row.addWidget(self.leave_out_button)

        self.leave_out_label = QLabel(SummaryControls)
        self.leave_out_label.setObjectName(u"leave_out_label")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.leave_out_label.sizePolicy().hasHeightForWidth())
        self.leave_out_label.setSizePolicy(sizePolicy)
        self.leave_out_label.setTextFormat(Qt.TextFormat.PlainText)
        self.leave_out_label.setWordWrap(True)

        self.leave_row.addWidget(self.leave_out_label)


        self.controlsLayout.addLayout(self.leave_row)

        self.questions_label = QLabel(SummaryControls)
        self.questions_label.setObjectName(u"questions_label")

        self.controlsLayout.addWidget(self.questions_label)

        self.questions_edit = QPlainTextEdit(SummaryControls)
        self.questions_edit.setObjectName(u"questions_edit")
        self.questions_edit.setTabChangesFocus(True)

        self.controlsLayout.addWidget(self.questions_edit)

        self.paper_form = QFormLayout()
        self.paper_form.setObjectName(u"paper_form")
        self.paper_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.paper_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.paper_label = QLabel(SummaryControls)
        self.paper_label.setObjectName(u"paper_label")

        self.paper_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.paper_label)

        self.paper_box = QComboBox(SummaryControls)
        self.paper_box.setObjectName(u"paper_box")

        self.paper_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.paper_box)


        self.controlsLayout.addLayout(self.paper_form)

        self.preview_label = QLabel(SummaryControls)
        self.preview_label.setObjectName(u"preview_label")
        self.preview_label.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.preview_label.setTextFormat(Qt.TextFormat.PlainText)
        self.preview_label.setWordWrap(True)
        self.preview_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.controlsLayout.addWidget(self.preview_label)

        self.actions_row = QHBoxLayout()
        self.actions_row.setObjectName(u"actions_row")
        self.update_button = QPushButton(SummaryControls)
        self.update_button.setObjectName(u"update_button")

        self.actions_row.addWidget(self.update_button)

        self.print_button = QPushButton(SummaryControls)
        self.print_button.setObjectName(u"print_button")

        self.actions_row.addWidget(self.print_button)

        self.save_button = QPushButton(SummaryControls)
        self.save_button.setObjectName(u"save_button")

        self.actions_row.addWidget(self.save_button)

        self.actions_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actions_row.addItem(self.actions_spacer)


        self.controlsLayout.addLayout(self.actions_row)

        self.saved_panel = QWidget(SummaryControls)
        self.saved_panel.setObjectName(u"saved_panel")
        self.saved_row = QHBoxLayout(self.saved_panel)
        self.saved_row.setObjectName(u"saved_row")
        self.saved_row.setContentsMargins(0, 0, 0, 0)
        self.saved_label = QLabel(self.saved_panel)
        self.saved_label.setObjectName(u"saved_label")
        sizePolicy.setHeightForWidth(self.saved_label.sizePolicy().hasHeightForWidth())
        self.saved_label.setSizePolicy(sizePolicy)
        self.saved_label.setTextFormat(Qt.TextFormat.PlainText)
        self.saved_label.setWordWrap(True)

        self.saved_row.addWidget(self.saved_label)

        self.open_button = QPushButton(self.saved_panel)
        self.open_button.setObjectName(u"open_button")

        self.saved_row.addWidget(self.open_button)


        self.controlsLayout.addWidget(self.saved_panel)

        self.bottom_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.controlsLayout.addItem(self.bottom_spacer)

#if QT_CONFIG(shortcut)
        self.start_label.setBuddy(self.start_edit)
        self.end_label.setBuddy(self.end_edit)
        self.questions_label.setBuddy(self.questions_edit)
        self.paper_label.setBuddy(self.paper_box)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SummaryControls)

        QMetaObject.connectSlotsByName(SummaryControls)
    # setupUi

    def retranslateUi(self, SummaryControls):
        self.intro_label.setText(QCoreApplication.translate("SummaryControls", u"Choose what goes into the summary. Page one is a short brief of what changed; the pages after it hold the detail you choose. You decide what leaves the house.", None))
        self.range_box.setTitle(QCoreApplication.translate("SummaryControls", u"Which dates", None))
        self.since_button.setText(QCoreApplication.translate("SummaryControls", u"Since the &last visit", None))
        self.last_14_button.setText(QCoreApplication.translate("SummaryControls", u"Last &2 weeks", None))
        self.last_30_button.setText(QCoreApplication.translate("SummaryControls", u"Last &30 days", None))
        self.last_90_button.setText(QCoreApplication.translate("SummaryControls", u"Last &90 days", None))
        self.custom_button.setText(QCoreApplication.translate("SummaryControls", u"&Choose dates", None))
        self.start_label.setText(QCoreApplication.translate("SummaryControls", u"First &day", None))
#if QT_CONFIG(accessibility)
        self.start_edit.setAccessibleName(QCoreApplication.translate("SummaryControls", u"First day of the summary", None))
#endif // QT_CONFIG(accessibility)
        self.end_label.setText(QCoreApplication.translate("SummaryControls", u"Last da&y", None))
#if QT_CONFIG(accessibility)
        self.end_edit.setAccessibleName(QCoreApplication.translate("SummaryControls", u"Last day of the summary", None))
#endif // QT_CONFIG(accessibility)
        self.section_box.setTitle(QCoreApplication.translate("SummaryControls", u"Pages after the brief", None))
        self.leave_out_button.setText(QCoreApplication.translate("SummaryControls", u"Lea&ve things out\u2026", None))
#if QT_CONFIG(accessibility)
        self.leave_out_button.setAccessibleName(QCoreApplication.translate("SummaryControls", u"Choose entries, symptoms or tags to leave out", None))
#endif // QT_CONFIG(accessibility)
        self.leave_out_label.setText(QCoreApplication.translate("SummaryControls", u"Nothing is left out.", None))
#if QT_CONFIG(accessibility)
        self.leave_out_label.setAccessibleName(QCoreApplication.translate("SummaryControls", u"What is left out", None))
#endif // QT_CONFIG(accessibility)
        self.questions_label.setText(QCoreApplication.translate("SummaryControls", u"&Questions for this visit (one a line)", None))
#if QT_CONFIG(accessibility)
        self.questions_edit.setAccessibleName(QCoreApplication.translate("SummaryControls", u"Questions for this visit", None))
#endif // QT_CONFIG(accessibility)
        self.paper_label.setText(QCoreApplication.translate("SummaryControls", u"&Paper", None))
#if QT_CONFIG(accessibility)
        self.paper_box.setAccessibleName(QCoreApplication.translate("SummaryControls", u"Paper size", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.preview_label.setAccessibleName(QCoreApplication.translate("SummaryControls", u"What the summary will include", None))
#endif // QT_CONFIG(accessibility)
        self.update_button.setText(QCoreApplication.translate("SummaryControls", u"&Update the preview", None))
#if QT_CONFIG(tooltip)
        self.update_button.setToolTip(QCoreApplication.translate("SummaryControls", u"Use the questions and name typed above (F5)", None))
#endif // QT_CONFIG(tooltip)
        self.print_button.setText(QCoreApplication.translate("SummaryControls", u"P&rint\u2026", None))
#if QT_CONFIG(tooltip)
        self.print_button.setToolTip(QCoreApplication.translate("SummaryControls", u"Print the visit summary (Ctrl+P)", None))
#endif // QT_CONFIG(tooltip)
        self.save_button.setText(QCoreApplication.translate("SummaryControls", u"&Save PDF\u2026", None))
#if QT_CONFIG(tooltip)
        self.save_button.setToolTip(QCoreApplication.translate("SummaryControls", u"Save the visit summary as a PDF (Ctrl+S)", None))
#endif // QT_CONFIG(tooltip)
        self.open_button.setText(QCoreApplication.translate("SummaryControls", u"&Open the PDF", None))
#if QT_CONFIG(accessibility)
        self.open_button.setAccessibleName(QCoreApplication.translate("SummaryControls", u"Open the saved PDF", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

