# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'contact_editor.ui'
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
    QFormLayout, QFrame, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QScrollArea, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_ContactFields(object):
    def setupUi(self, ContactFields):
        if not ContactFields.objectName():
            ContactFields.setObjectName(u"ContactFields")
        self.outer_layout = QVBoxLayout(ContactFields)
        self.outer_layout.setObjectName(u"outer_layout")
        self.outer_layout.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea(ContactFields)
        self.scroll.setObjectName(u"scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.contents = QWidget()
        self.contents.setObjectName(u"contents")
        self.contents_layout = QVBoxLayout(self.contents)
        self.contents_layout.setObjectName(u"contents_layout")
        self.who_form = QFormLayout()
        self.who_form.setObjectName(u"who_form")
        self.who_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.name_label = QLabel(self.contents)
        self.name_label.setObjectName(u"name_label")

        self.who_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name_edit = QLineEdit(self.contents)
        self.name_edit.setObjectName(u"name_edit")
        self.name_edit.setMaxLength(120)

        self.who_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name_edit)

        self.role_label = QLabel(self.contents)
        self.role_label.setObjectName(u"role_label")

        self.who_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.role_label)

        self.role_box = QComboBox(self.contents)
        self.role_box.setObjectName(u"role_box")

        self.who_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.role_box)

        self.role_hint = QLabel(self.contents)
        self.role_hint.setObjectName(u"role_hint")
        self.role_hint.setTextFormat(Qt.TextFormat.PlainText)
        self.role_hint.setWordWrap(True)

        self.who_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.role_hint)

        self.org_label = QLabel(self.contents)
        self.org_label.setObjectName(u"org_label")

        self.who_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.org_label)

        self.org_edit = QLineEdit(self.contents)
        self.org_edit.setObjectName(u"org_edit")
        self.org_edit.setMaxLength(200)

        self.who_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.org_edit)


        self.contents_layout.addLayout(self.who_form)

        self.reach_box = QGroupBox(self.contents)
        self.reach_box.setObjectName(u"reach_box")
        self.reach_layout = QVBoxLayout(self.reach_box)
        self.reach_layout.setObjectName(u"reach_layout")
        self.phones_box = QVBoxLayout()
        self.phones_box.setObjectName(u"phones_box")

        self.reach_layout.addLayout(self.phones_box)

        self.add_phone_row = QHBoxLayout()
        self.add_phone_row.setObjectName(u"add_phone_row")
        self.add_phone_button = QPushButton(self.reach_box)
        self.add_phone_button.setObjectName(u"add_phone_button")

        self.add_phone_row.addWidget(self.add_phone_button)

        self.add_phone_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.add_phone_row.addItem(self.add_phone_spacer)


        self.reach_layout.addLayout(self.add_phone_row)

        self.reach_form = QFormLayout()
        self.reach_form.setObjectName(u"reach_form")
        self.reach_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.email_label = QLabel(self.reach_box)
        self.email_label.setObjectName(u"email_label")

        self.reach_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.email_label)

        self.email_edit = QLineEdit(self.reach_box)
        self.email_edit.setObjectName(u"email_edit")
        self.email_edit.setMaxLength(254)

        self.reach_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.email_edit)

        self.address_label = QLabel(self.reach_box)
        self.address_label.setObjectName(u"address_label")

        self.reach_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.address_label)

        self.address_edit = QPlainTextEdit(self.reach_box)
        self.address_edit.setObjectName(u"address_edit")
        self.address_edit.setTabChangesFocus(True)

        self.reach_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.address_edit)

        self.availability_label = QLabel(self.reach_box)
        self.availability_label.setObjectName(u"availability_label")

        self.reach_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.availability_label)

        self.availability_edit = QLineEdit(self.reach_box)
        self.availability_edit.setObjectName(u"availability_edit")
        self.availability_edit.setMaxLength(200)

        self.reach_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.availability_edit)

        self.touch_row = QHBoxLayout()
        self.touch_row.setObjectName(u"touch_row")
        self.touch_check = QCheckBox(self.reach_box)
        self.touch_check.setObjectName(u"touch_check")

        self.touch_row.addWidget(self.touch_check)

        self.touch_date = QDateEdit(self.reach_box)
        self.touch_date.setObjectName(u"touch_date")
        self.touch_date.setCalendarPopup(True)

        self.touch_row.addWidget(self.touch_date)

        self.touch_today = QPushButton(self.reach_box)
        self.touch_today.setObjectName(u"touch_today")

        self.touch_row.addWidget(self.touch_today)

        self.touch_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.touch_row.addItem(self.touch_spacer)


        self.reach_form.setLayout(3, QFormLayout.ItemRole.SpanningRole, self.touch_row)


        self.reach_layout.addLayout(self.reach_form)


        self.contents_layout.addWidget(self.reach_box)

        self.gives_box = QGroupBox(self.contents)
        self.gives_box.setObjectName(u"gives_box")
        self.gives_layout = QVBoxLayout(self.gives_box)
        self.gives_layout.setObjectName(u"gives_layout")

        self.contents_layout.addWidget(self.gives_box)

        self.tie_box = QGroupBox(self.contents)
        self.tie_box.setObjectName(u"tie_box")
        self.tie_layout = QVBoxLayout(self.tie_box)
        self.tie_layout.setObjectName(u"tie_layout")

        self.contents_layout.addWidget(self.tie_box)

        self.flow_box = QGroupBox(self.contents)
        self.flow_box.setObjectName(u"flow_box")
        self.flow_layout = QVBoxLayout(self.flow_box)
        self.flow_layout.setObjectName(u"flow_layout")

        self.contents_layout.addWidget(self.flow_box)

        self.notes_label = QLabel(self.contents)
        self.notes_label.setObjectName(u"notes_label")

        self.contents_layout.addWidget(self.notes_label)

        self.notes_edit = QPlainTextEdit(self.contents)
        self.notes_edit.setObjectName(u"notes_edit")
        self.notes_edit.setTabChangesFocus(True)

        self.contents_layout.addWidget(self.notes_edit)

        self.bottom_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.contents_layout.addItem(self.bottom_spacer)

        self.scroll.setWidget(self.contents)

        self.outer_layout.addWidget(self.scroll)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name_edit)
        self.role_label.setBuddy(self.role_box)
        self.org_label.setBuddy(self.org_edit)
        self.email_label.setBuddy(self.email_edit)
        self.address_label.setBuddy(self.address_edit)
        self.availability_label.setBuddy(self.availability_edit)
        self.notes_label.setBuddy(self.notes_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ContactFields)

        QMetaObject.connectSlotsByName(ContactFields)
    # setupUi

    def retranslateUi(self, ContactFields):
        self.name_label.setText(QCoreApplication.translate("ContactFields", u"&Name", None))
#if QT_CONFIG(accessibility)
        self.name_edit.setAccessibleName(QCoreApplication.translate("ContactFields", u"Name", None))
#endif // QT_CONFIG(accessibility)
        self.role_label.setText(QCoreApplication.translate("ContactFields", u"&Role", None))
#if QT_CONFIG(accessibility)
        self.role_box.setAccessibleName(QCoreApplication.translate("ContactFields", u"Role", None))
#endif // QT_CONFIG(accessibility)
        self.org_label.setText(QCoreApplication.translate("ContactFields", u"&Organisation", None))
        self.org_edit.setPlaceholderText(QCoreApplication.translate("ContactFields", u"Clinic, practice, group or place (optional)", None))
#if QT_CONFIG(accessibility)
        self.org_edit.setAccessibleName(QCoreApplication.translate("ContactFields", u"Organisation", None))
#endif // QT_CONFIG(accessibility)
        self.reach_box.setTitle(QCoreApplication.translate("ContactFields", u"How to reach them", None))
        self.add_phone_button.setText(QCoreApplication.translate("ContactFields", u"Add a &phone number", None))
        self.email_label.setText(QCoreApplication.translate("ContactFields", u"&Email", None))
#if QT_CONFIG(accessibility)
        self.email_edit.setAccessibleName(QCoreApplication.translate("ContactFields", u"Email", None))
#endif // QT_CONFIG(accessibility)
        self.address_label.setText(QCoreApplication.translate("ContactFields", u"A&ddress", None))
#if QT_CONFIG(accessibility)
        self.address_edit.setAccessibleName(QCoreApplication.translate("ContactFields", u"Address", None))
#endif // QT_CONFIG(accessibility)
        self.availability_label.setText(QCoreApplication.translate("ContactFields", u"&When to reach", None))
        self.availability_edit.setPlaceholderText(QCoreApplication.translate("ContactFields", u"For example: weekdays 9 to 5, text first", None))
#if QT_CONFIG(accessibility)
        self.availability_edit.setAccessibleName(QCoreApplication.translate("ContactFields", u"When they can be reached", None))
#endif // QT_CONFIG(accessibility)
        self.touch_check.setText(QCoreApplication.translate("ContactFields", u"&Last in touch on", None))
#if QT_CONFIG(accessibility)
        self.touch_date.setAccessibleName(QCoreApplication.translate("ContactFields", u"Date last in touch", None))
#endif // QT_CONFIG(accessibility)
        self.touch_today.setText(QCoreApplication.translate("ContactFields", u"Toda&y", None))
#if QT_CONFIG(accessibility)
        self.touch_today.setAccessibleName(QCoreApplication.translate("ContactFields", u"Last in touch today", None))
#endif // QT_CONFIG(accessibility)
        self.gives_box.setTitle(QCoreApplication.translate("ContactFields", u"What they give", None))
        self.tie_box.setTitle(QCoreApplication.translate("ContactFields", u"How the tie feels", None))
        self.flow_box.setTitle(QCoreApplication.translate("ContactFields", u"Which way support flows", None))
        self.notes_label.setText(QCoreApplication.translate("ContactFields", u"No&tes", None))
#if QT_CONFIG(accessibility)
        self.notes_edit.setAccessibleName(QCoreApplication.translate("ContactFields", u"Notes", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

