# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'unlock_screen.ui'
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
    QLineEdit, QProgressBar, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_UnlockScreen(object):
    def setupUi(self, UnlockScreen):
        if not UnlockScreen.objectName():
            UnlockScreen.setObjectName(u"UnlockScreen")
        UnlockScreen.resize(560, 480)
        self.outerLayout = QVBoxLayout(UnlockScreen)
        self.outerLayout.setObjectName(u"outerLayout")
        self.topSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outerLayout.addItem(self.topSpacer)

        self.centerLayout = QHBoxLayout()
        self.centerLayout.setObjectName(u"centerLayout")
        self.leftSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.centerLayout.addItem(self.leftSpacer)

        self.panel = QWidget(UnlockScreen)
        self.panel.setObjectName(u"panel")
        self.panelLayout = QVBoxLayout(self.panel)
        self.panelLayout.setObjectName(u"panelLayout")
        self.titleLabel = QLabel(self.panel)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.titleLabel.setWordWrap(True)

        self.panelLayout.addWidget(self.titleLabel)

        self.introLabel = QLabel(self.panel)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.introLabel.setWordWrap(True)

        self.panelLayout.addWidget(self.introLabel)

        self.noteLabel = QLabel(self.panel)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.noteLabel.setWordWrap(True)

        self.panelLayout.addWidget(self.noteLabel)

        self.secretLabel = QLabel(self.panel)
        self.secretLabel.setObjectName(u"secretLabel")

        self.panelLayout.addWidget(self.secretLabel)

        self.secretEdit = QLineEdit(self.panel)
        self.secretEdit.setObjectName(u"secretEdit")
        self.secretEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.panelLayout.addWidget(self.secretEdit)

        self.showCheck = QCheckBox(self.panel)
        self.showCheck.setObjectName(u"showCheck")

        self.panelLayout.addWidget(self.showCheck)

        self.statusLabel = QLabel(self.panel)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.statusLabel.setWordWrap(True)

        self.panelLayout.addWidget(self.statusLabel)

        self.busyBar = QProgressBar(self.panel)
        self.busyBar.setObjectName(u"busyBar")
        self.busyBar.setMaximum(0)
        self.busyBar.setTextVisible(False)

        self.panelLayout.addWidget(self.busyBar)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.unlockButton = QPushButton(self.panel)
        self.unlockButton.setObjectName(u"unlockButton")

        self.buttonLayout.addWidget(self.unlockButton)

        self.buttonSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)


        self.panelLayout.addLayout(self.buttonLayout)

        self.otherWaysLayout = QHBoxLayout()
        self.otherWaysLayout.setObjectName(u"otherWaysLayout")
        self.switchButton = QPushButton(self.panel)
        self.switchButton.setObjectName(u"switchButton")

        self.otherWaysLayout.addWidget(self.switchButton)

        self.keyringButton = QPushButton(self.panel)
        self.keyringButton.setObjectName(u"keyringButton")

        self.otherWaysLayout.addWidget(self.keyringButton)

        self.otherWaysSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.otherWaysLayout.addItem(self.otherWaysSpacer)


        self.panelLayout.addLayout(self.otherWaysLayout)


        self.centerLayout.addWidget(self.panel)

        self.rightSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.centerLayout.addItem(self.rightSpacer)


        self.outerLayout.addLayout(self.centerLayout)

        self.bottomSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outerLayout.addItem(self.bottomSpacer)

#if QT_CONFIG(shortcut)
        self.secretLabel.setBuddy(self.secretEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.secretEdit, self.showCheck)
        QWidget.setTabOrder(self.showCheck, self.unlockButton)
        QWidget.setTabOrder(self.unlockButton, self.switchButton)
        QWidget.setTabOrder(self.switchButton, self.keyringButton)

        self.retranslateUi(UnlockScreen)

        self.unlockButton.setDefault(True)


        QMetaObject.connectSlotsByName(UnlockScreen)
    # setupUi

    def retranslateUi(self, UnlockScreen):
#if QT_CONFIG(accessibility)
        UnlockScreen.setAccessibleName(QCoreApplication.translate("UnlockScreen", u"Unlock your journal", None))
#endif // QT_CONFIG(accessibility)
        self.titleLabel.setText(QCoreApplication.translate("UnlockScreen", u"Your journal is locked", None))
        self.introLabel.setText(QCoreApplication.translate("UnlockScreen", u"Everything you write in Caregiver Companion is kept in a vault: an encrypted file on this computer that only your passphrase can open.", None))
#if QT_CONFIG(accessibility)
        self.noteLabel.setAccessibleName(QCoreApplication.translate("UnlockScreen", u"Note", None))
#endif // QT_CONFIG(accessibility)
        self.secretLabel.setText(QCoreApplication.translate("UnlockScreen", u"&Passphrase", None))
#if QT_CONFIG(accessibility)
        self.secretEdit.setAccessibleName(QCoreApplication.translate("UnlockScreen", u"Passphrase", None))
#endif // QT_CONFIG(accessibility)
        self.showCheck.setText(QCoreApplication.translate("UnlockScreen", u"&Show what I type", None))
#if QT_CONFIG(accessibility)
        self.statusLabel.setAccessibleName(QCoreApplication.translate("UnlockScreen", u"Message", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.busyBar.setAccessibleName(QCoreApplication.translate("UnlockScreen", u"Opening your vault", None))
#endif // QT_CONFIG(accessibility)
        self.unlockButton.setText(QCoreApplication.translate("UnlockScreen", u"&Unlock", None))
        self.switchButton.setText(QCoreApplication.translate("UnlockScreen", u"Use my &recovery code instead", None))
        self.keyringButton.setText(QCoreApplication.translate("UnlockScreen", u"Open with this computer's &keyring", None))
    # retranslateUi

