# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'passphrase_page.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QHBoxLayout, QLabel,
    QLineEdit, QProgressBar, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget, QWizardPage)

class Ui_PassphrasePage(object):
    def setupUi(self, PassphrasePage):
        if not PassphrasePage.objectName():
            PassphrasePage.setObjectName(u"PassphrasePage")
        PassphrasePage.resize(560, 520)
        self.pageLayout = QVBoxLayout(PassphrasePage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.introLabel = QLabel(PassphrasePage)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.introLabel.setWordWrap(True)

        self.pageLayout.addWidget(self.introLabel)

        self.passphraseLabel = QLabel(PassphrasePage)
        self.passphraseLabel.setObjectName(u"passphraseLabel")
        self.passphraseLabel.setWordWrap(True)

        self.pageLayout.addWidget(self.passphraseLabel)

        self.passphraseEdit = QLineEdit(PassphrasePage)
        self.passphraseEdit.setObjectName(u"passphraseEdit")
        self.passphraseEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.pageLayout.addWidget(self.passphraseEdit)

        self.strengthLayout = QHBoxLayout()
        self.strengthLayout.setObjectName(u"strengthLayout")
        self.strengthBar = QProgressBar(PassphrasePage)
        self.strengthBar.setObjectName(u"strengthBar")
        self.strengthBar.setMaximum(4)
        self.strengthBar.setValue(0)
        self.strengthBar.setTextVisible(False)

        self.strengthLayout.addWidget(self.strengthBar)

        self.strengthLabel = QLabel(PassphrasePage)
        self.strengthLabel.setObjectName(u"strengthLabel")
        self.strengthLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.strengthLayout.addWidget(self.strengthLabel)


        self.pageLayout.addLayout(self.strengthLayout)

        self.adviceLabel = QLabel(PassphrasePage)
        self.adviceLabel.setObjectName(u"adviceLabel")
        self.adviceLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.adviceLabel.setWordWrap(True)

        self.pageLayout.addWidget(self.adviceLabel)

        self.confirmLabel = QLabel(PassphrasePage)
        self.confirmLabel.setObjectName(u"confirmLabel")
        self.confirmLabel.setWordWrap(True)

        self.pageLayout.addWidget(self.confirmLabel)

        self.confirmEdit = QLineEdit(PassphrasePage)
        self.confirmEdit.setObjectName(u"confirmEdit")
        self.confirmEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.pageLayout.addWidget(self.confirmEdit)

        self.showCheck = QCheckBox(PassphrasePage)
        self.showCheck.setObjectName(u"showCheck")

        self.pageLayout.addWidget(self.showCheck)

        self.problemLabel = QLabel(PassphrasePage)
        self.problemLabel.setObjectName(u"problemLabel")
        self.problemLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.problemLabel.setWordWrap(True)

        self.pageLayout.addWidget(self.problemLabel)

        self.forgetLabel = QLabel(PassphrasePage)
        self.forgetLabel.setObjectName(u"forgetLabel")
        self.forgetLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.forgetLabel.setWordWrap(True)

        self.pageLayout.addWidget(self.forgetLabel)

        self.busyLabel = QLabel(PassphrasePage)
        self.busyLabel.setObjectName(u"busyLabel")
        self.busyLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.busyLabel.setWordWrap(True)

        self.pageLayout.addWidget(self.busyLabel)

        self.busyBar = QProgressBar(PassphrasePage)
        self.busyBar.setObjectName(u"busyBar")
        self.busyBar.setMaximum(0)
        self.busyBar.setTextVisible(False)

        self.pageLayout.addWidget(self.busyBar)

        self.bottomSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.pageLayout.addItem(self.bottomSpacer)

#if QT_CONFIG(shortcut)
        self.passphraseLabel.setBuddy(self.passphraseEdit)
        self.confirmLabel.setBuddy(self.confirmEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.passphraseEdit, self.confirmEdit)
        QWidget.setTabOrder(self.confirmEdit, self.showCheck)

        self.retranslateUi(PassphrasePage)

        QMetaObject.connectSlotsByName(PassphrasePage)
    # setupUi

    def retranslateUi(self, PassphrasePage):
        PassphrasePage.setTitle(QCoreApplication.translate("PassphrasePage", u"Choose a passphrase", None))
        self.introLabel.setText(QCoreApplication.translate("PassphrasePage", u"Your passphrase is the key to your vault. Pick something you will remember but other people could not guess. A few words that do not belong together work well, like \u201cpurple kettle sings on Tuesday\u201d.", None))
        self.passphraseLabel.setText(QCoreApplication.translate("PassphrasePage", u"&Passphrase", None))
#if QT_CONFIG(accessibility)
        self.passphraseEdit.setAccessibleName(QCoreApplication.translate("PassphrasePage", u"Passphrase", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.strengthBar.setAccessibleName(QCoreApplication.translate("PassphrasePage", u"Passphrase strength", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.strengthLabel.setAccessibleName(QCoreApplication.translate("PassphrasePage", u"Passphrase strength in words", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.adviceLabel.setAccessibleName(QCoreApplication.translate("PassphrasePage", u"Passphrase advice", None))
#endif // QT_CONFIG(accessibility)
        self.confirmLabel.setText(QCoreApplication.translate("PassphrasePage", u"Type it &again, to be sure", None))
#if QT_CONFIG(accessibility)
        self.confirmEdit.setAccessibleName(QCoreApplication.translate("PassphrasePage", u"Passphrase again", None))
#endif // QT_CONFIG(accessibility)
        self.showCheck.setText(QCoreApplication.translate("PassphrasePage", u"&Show what I type", None))
#if QT_CONFIG(accessibility)
        self.problemLabel.setAccessibleName(QCoreApplication.translate("PassphrasePage", u"What to fix", None))
#endif // QT_CONFIG(accessibility)
        self.forgetLabel.setText(QCoreApplication.translate("PassphrasePage", u"No one can reset this passphrase for you, not even us. That is what keeps your journal private. On the next page you will get a recovery code, in case you ever forget it.", None))
        self.busyLabel.setText(QCoreApplication.translate("PassphrasePage", u"Setting up your vault. This takes a moment\u2026", None))
#if QT_CONFIG(accessibility)
        self.busyBar.setAccessibleName(QCoreApplication.translate("PassphrasePage", u"Setting up your vault", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

