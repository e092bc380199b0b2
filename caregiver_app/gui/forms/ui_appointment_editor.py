# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'appointment_editor.ui'
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
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy,
    QSpacerItem, QSpinBox, QVBoxLayout, QWidget)

from caregiver_app.gui.common.wall_clock import TimeField

class Ui_AppointmentFields(object):
    def setupUi(self, AppointmentFields):
        if not AppointmentFields.objectName():
            AppointmentFields.setObjectName(u"AppointmentFields")
        self.outer_layout = QVBoxLayout(AppointmentFields)
        self.outer_layout.setObjectName(u"outer_layout")
        self.outer_layout.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea(AppointmentFields)
        self.scroll.setObjectName(u"scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.contents = QWidget()
        self.contents.setObjectName(u"contents")
        self.columns = QHBoxLayout(self.contents)
        self.columns.setObjectName(u"columns")
        self.visit_column = QVBoxLayout()
        self.visit_column.setObjectName(u"visit_column")
        self.visit_form = QFormLayout()
        self.visit_form.setObjectName(u"visit_form")
        self.visit_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.provider_label = QLabel(self.contents)
        self.provider_label.setObjectName(u"provider_label")

        self.visit_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.provider_label)

        self.provider_box = QComboBox(self.contents)
        self.provider_box.setObjectName(u"provider_box")

        self.visit_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.provider_box)

        self.purpose_label = QLabel(self.contents)
        self.purpose_label.setObjectName(u"purpose_label")

        self.visit_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.purpose_label)

        self.purpose_edit = QLineEdit(self.contents)
        self.purpose_edit.setObjectName(u"purpose_edit")
        self.purpose_edit.setMaxLength(300)

        self.visit_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.purpose_edit)

        self.date_label = QLabel(self.contents)
        self.date_label.setObjectName(u"date_label")

        self.visit_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.date_label)

        self.date_edit = QDateEdit(self.contents)
        self.date_edit.setObjectName(u"date_edit")
        self.date_edit.setCalendarPopup(True)

        self.visit_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.date_edit)

        self.time_label = QLabel(self.contents)
        self.time_label.setObjectName(u"time_label")

        self.visit_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.time_label)

        self.time_row = QHBoxLayout()
        self.time_row.setObjectName(u"time_row")
        self.time_edit = TimeField(self.contents)
        self.time_edit.setObjectName(u"time_edit")

        self.time_row.addWidget(self.time_edit)

        self.length_label = QLabel(self.contents)
        self.length_label.setObjectName(u"length_label")

        self.time_row.addWidget(self.length_label)

        self.duration = QSpinBox(self.contents)
        self.duration.setObjectName(u"duration")
        self.duration.setMinimum(5)
        self.duration.setMaximum(1440)
        self.duration.setSingleStep(15)

        self.time_row.addWidget(self.duration)

        self.all_day_check = QCheckBox(self.contents)
        self.all_day_check.setObjectName(u"all_day_check")

        self.time_row.addWidget(self.all_day_check)

        self.time_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.time_row.addItem(self.time_spacer)


        self.visit_form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.time_row)

        self.zone_label = QLabel(self.contents)
        self.zone_label.setObjectName(u"zone_label")

        self.visit_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.zone_label)

        self.zone_box = QComboBox(self.contents)
        self.zone_box.setObjectName(u"zone_box")
        self.zone_box.setEditable(True)
        self.zone_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

        self.visit_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.zone_box)

        self.place_label = QLabel(self.contents)
        self.place_label.setObjectName(u"place_label")

        self.visit_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.place_label)

        self.place_edit = QPlainTextEdit(self.contents)
        self.place_edit.setObjectName(u"place_edit")
        self.place_edit.setTabChangesFocus(True)

        self.visit_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.place_edit)

        self.video_label = QLabel(self.contents)
        self.video_label.setObjectName(u"video_label")

        self.visit_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.video_label)

        self.video_edit = QLineEdit(self.contents)
        self.video_edit.setObjectName(u"video_edit")

        self.visit_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.video_edit)


        self.visit_column.addLayout(self.visit_form)

        self.notes_label = QLabel(self.contents)
        self.notes_label.setObjectName(u"notes_label")

        self.visit_column.addWidget(self.notes_label)

        self.notes_edit = QPlainTextEdit(self.contents)
        self.notes_edit.setObjectName(u"notes_edit")
        self.notes_edit.setTabChangesFocus(True)

        self.visit_column.addWidget(self.notes_edit)

        self.visit_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.visit_column.addItem(self.visit_spacer)


        self.columns.addLayout(self.visit_column)

        self.questions_column = QVBoxLayout()
        self.questions_column.setObjectName(u"questions_column")
        self.questions_box = QGroupBox(self.contents)
        self.questions_box.setObjectName(u"questions_box")
        self.questions_layout = QVBoxLayout(self.questions_box)
        self.questions_layout.setObjectName(u"questions_layout")
        self.questions_hint = QLabel(self.questions_box)
        self.questions_hint.setObjectName(u"questions_hint")
        self.questions_hint.setTextFormat(Qt.TextFormat.PlainText)
        self.questions_hint.setWordWrap(True)

        self.questions_layout.addWidget(self.questions_hint)

        self.question_list = QListWidget(self.questions_box)
        self.question_list.setObjectName(u"question_list")

        self.questions_layout.addWidget(self.question_list)

        self.add_question_row = QHBoxLayout()
        self.add_question_row.setObjectName(u"add_question_row")
        self.question_edit = QLineEdit(self.questions_box)
        self.question_edit.setObjectName(u"question_edit")
        self.question_edit.setMaxLength(500)

        self.add_question_row.addWidget(self.question_edit)

        self.add_question_button = QPushButton(self.questions_box)
        self.add_question_button.setObjectName(u"add_question_button")

        self.add_question_row.addWidget(self.add_question_button)

        self.add_question_row.setStretch(0, 1)

        self.questions_layout.addLayout(self.add_question_row)

        self.move_row = QHBoxLayout()
        self.move_row.setObjectName(u"move_row")
        self.up_button = QPushButton(self.questions_box)
        self.up_button.setObjectName(u"up_button")

        self.move_row.addWidget(self.up_button)

        self.down_button = QPushButton(self.questions_box)
        self.down_button.setObjectName(u"down_button")

        self.move_row.addWidget(self.down_button)

        self.remove_question_button = QPushButton(self.questions_box)
        self.remove_question_button.setObjectName(u"remove_question_button")

        self.move_row.addWidget(self.remove_question_button)

        self.move_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.move_row.addItem(self.move_spacer)


        self.questions_layout.addLayout(self.move_row)


        self.questions_column.addWidget(self.questions_box)

        self.questions_column.setStretch(0, 1)

        self.columns.addLayout(self.questions_column)

        self.columns.setStretch(0, 1)
        self.columns.setStretch(1, 1)
        self.scroll.setWidget(self.contents)

        self.outer_layout.addWidget(self.scroll)

#if QT_CONFIG(shortcut)
        self.provider_label.setBuddy(self.provider_box)
        self.purpose_label.setBuddy(self.purpose_edit)
        self.date_label.setBuddy(self.date_edit)
        self.time_label.setBuddy(self.time_edit)
        self.length_label.setBuddy(self.duration)
        self.zone_label.setBuddy(self.zone_box)
        self.place_label.setBuddy(self.place_edit)
        self.video_label.setBuddy(self.video_edit)
        self.notes_label.setBuddy(self.notes_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AppointmentFields)

        QMetaObject.connectSlotsByName(AppointmentFields)
    # setupUi

    def retranslateUi(self, AppointmentFields):
        self.provider_label.setText(QCoreApplication.translate("AppointmentFields", u"&With", None))
#if QT_CONFIG(accessibility)
        self.provider_box.setAccessibleName(QCoreApplication.translate("AppointmentFields", u"Provider", None))
#endif // QT_CONFIG(accessibility)
        self.purpose_label.setText(QCoreApplication.translate("AppointmentFields", u"&Purpose", None))
        self.purpose_edit.setPlaceholderText(QCoreApplication.translate("AppointmentFields", u"For example: medication check, first visit, therapy", None))
#if QT_CONFIG(accessibility)
        self.purpose_edit.setAccessibleName(QCoreApplication.translate("AppointmentFields", u"Purpose", None))
#endif // QT_CONFIG(accessibility)
        self.date_label.setText(QCoreApplication.translate("AppointmentFields", u"&Date", None))
#if QT_CONFIG(accessibility)
        self.date_edit.setAccessibleName(QCoreApplication.translate("AppointmentFields", u"Date", None))
#endif // QT_CONFIG(accessibility)
        self.time_label.setText(QCoreApplication.translate("AppointmentFields", u"&Time", None))
#if QT_CONFIG(accessibility)
        self.time_edit.setAccessibleName(QCoreApplication.translate("AppointmentFields", u"Start time", None))
#endif // QT_CONFIG(accessibility)
        self.length_label.setText(QCoreApplication.translate("AppointmentFields", u"lastin&g", None))
        self.duration.setSuffix(QCoreApplication.translate("AppointmentFields", u" minutes", None))
#if QT_CONFIG(accessibility)
        self.duration.setAccessibleName(QCoreApplication.translate("AppointmentFields", u"How long, in minutes", None))
#endif // QT_CONFIG(accessibility)
        self.all_day_check.setText(QCoreApplication.translate("AppointmentFields", u"All d&ay", None))
        self.zone_label.setText(QCoreApplication.translate("AppointmentFields", u"Time &zone", None))
#if QT_CONFIG(accessibility)
        self.zone_box.setAccessibleName(QCoreApplication.translate("AppointmentFields", u"Time zone", None))
#endif // QT_CONFIG(accessibility)
        self.place_label.setText(QCoreApplication.translate("AppointmentFields", u"P&lace", None))
#if QT_CONFIG(accessibility)
        self.place_edit.setAccessibleName(QCoreApplication.translate("AppointmentFields", u"Place", None))
#endif // QT_CONFIG(accessibility)
        self.video_label.setText(QCoreApplication.translate("AppointmentFields", u"&Video link", None))
        self.video_edit.setPlaceholderText(QCoreApplication.translate("AppointmentFields", u"https://\u2026 (for a video visit)", None))
#if QT_CONFIG(accessibility)
        self.video_edit.setAccessibleName(QCoreApplication.translate("AppointmentFields", u"Video link", None))
#endif // QT_CONFIG(accessibility)
        self.notes_label.setText(QCoreApplication.translate("AppointmentFields", u"N&otes after the visit", None))
        self.notes_edit.setPlaceholderText(QCoreApplication.translate("AppointmentFields", u"What was said, what changed, what to do next", None))
#if QT_CONFIG(accessibility)
        self.notes_edit.setAccessibleName(QCoreApplication.translate("AppointmentFields", u"Notes after the visit", None))
#endif // QT_CONFIG(accessibility)
        self.questions_box.setTitle(QCoreApplication.translate("AppointmentFields", u"Questions to ask", None))
        self.questions_hint.setText(QCoreApplication.translate("AppointmentFields", u"In the order you want to ask them. Tick a question once it is answered; open ones move on to the next visit with the same person.", None))
#if QT_CONFIG(accessibility)
        self.question_list.setAccessibleName(QCoreApplication.translate("AppointmentFields", u"Questions to ask", None))
#endif // QT_CONFIG(accessibility)
        self.question_edit.setPlaceholderText(QCoreApplication.translate("AppointmentFields", u"Type a question and press Enter", None))
#if QT_CONFIG(accessibility)
        self.question_edit.setAccessibleName(QCoreApplication.translate("AppointmentFields", u"New question", None))
#endif // QT_CONFIG(accessibility)
        self.add_question_button.setText(QCoreApplication.translate("AppointmentFields", u"Add &question", None))
        self.up_button.setText(QCoreApplication.translate("AppointmentFields", u"Move &up", None))
        self.down_button.setText(QCoreApplication.translate("AppointmentFields", u"Move dow&n", None))
        self.remove_question_button.setText(QCoreApplication.translate("AppointmentFields", u"&Remove", None))
#if QT_CONFIG(accessibility)
        self.remove_question_button.setAccessibleName(QCoreApplication.translate("AppointmentFields", u"Remove the chosen question", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

