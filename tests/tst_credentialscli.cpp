// `cdb-taskwatch credentials ...` run as a real process (TASKWATCH_BIN) against the Secret Service of
// scripts/with-keyring: set (key on stdin), show (masked, never the key), list, delete, import, usage errors,
// and what happens with no keychain at all (exit 3, clear message, no hang).
#include <QElapsedTimer>
#include <QFile>
#include <QLocalServer>
#include <QLocalSocket>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

#ifdef __linux__
#include <poll.h>
#include <pty.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>
#include <vector>
#endif

class TestCredentialsCli : public QObject {
    Q_OBJECT

private:
    struct Run {
        int exitCode = -1;
        bool finished = false;
        QString out;
        QString err;
        qint64 elapsedMs = 0;
    };

    QString m_bin;
    QTemporaryDir m_config; // private XDG_CONFIG_HOME for the children: profile settings of this test only
    const QString m_prefix = QStringLiteral("tst-cli-") + QUuid::createUuid().toString(QUuid::Id128).left(8);
    const QString m_secretKey = QStringLiteral("SKcli-") + QUuid::createUuid().toString(QUuid::Id128);
    const QString m_token = QStringLiteral("TKcli-") + QUuid::createUuid().toString(QUuid::Id128);
    const QString m_secretId = QStringLiteral("AKIDcliTest00000000wxyz");

    QString name(const char* suffix) const { return m_prefix + QLatin1Char('-') + QLatin1String(suffix); }

    QProcessEnvironment baseEnvironment() const {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char* var : {"TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY", "TENCENTCLOUD_TOKEN",
                                "TENCENTCLOUD_REGION", "TENCENTCLOUD_CREDENTIALS_FILE"})
            env.remove(QLatin1String(var));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_config.path());
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        return env;
    }

    Run run(const QStringList& args, const QByteArray& input = {}, const QProcessEnvironment& env = {},
            int timeoutMs = 30000) const {
        QProcess p;
        p.setProcessEnvironment(env.isEmpty() ? baseEnvironment() : env);
        QElapsedTimer clock;
        clock.start();
        p.start(m_bin, QStringList{QStringLiteral("credentials")} + args);
        Run r;
        if (!p.waitForStarted(timeoutMs))
            return r;
        p.write(input);
        p.closeWriteChannel();
        QSignalSpy done(&p, &QProcess::finished);
        r.finished = p.state() == QProcess::NotRunning || done.wait(timeoutMs);
        r.elapsedMs = clock.elapsed();
        if (!r.finished) {
            p.kill();
            p.waitForFinished(5000);
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    static QByteArray describe(const Run& r) {
        return QStringLiteral("exit %1 (finished %2)\nstdout: %3\nstderr: %4")
            .arg(r.exitCode)
            .arg(r.finished)
            .arg(r.out, r.err)
            .toUtf8();
    }

    bool noSecretIn(const Run& r) const {
        const QString all = r.out + r.err;
        return !all.contains(m_secretKey) && !all.contains(m_token) && !all.contains(m_secretId);
    }

private slots:
#ifdef Q_OS_LINUX
    // Ctrl-C at the hidden SecretKey prompt (on a real pseudo-terminal): the process dies of SIGINT as
    // usual, and the terminal has its echo back.
    void interruptAtThePromptRestoresEcho() {
        int master = -1, slave = -1;
        QVERIFY(openpty(&master, &slave, nullptr, nullptr, nullptr) == 0);
        termios t{};
        QVERIFY(tcgetattr(slave, &t) == 0);
        QVERIFY(t.c_lflag & ECHO);
        QVERIFY(t.c_lflag & ISIG);

        const QByteArray bin = QFile::encodeName(m_bin);
        QList<QByteArray> envStrings;
        const QProcessEnvironment env = baseEnvironment();
        for (const QString& k : env.keys())
            envStrings << (k + QLatin1Char('=') + env.value(k)).toLocal8Bit();
        std::vector<char*> envp;
        for (QByteArray& e : envStrings)
            envp.push_back(e.data());
        envp.push_back(nullptr);
        QByteArray a0 = bin, a1 = "credentials", a2 = "set", a3 = "--secret-id", a4 = m_secretId.toLatin1(),
                   a5 = "--profile", a6 = name("pty").toLatin1();
        char* argv[] = {a0.data(), a1.data(), a2.data(), a3.data(), a4.data(), a5.data(), a6.data(), nullptr};

        const pid_t pid = fork();
        if (pid == 0) {
            // The child: a new session whose controlling terminal is the pty, so that ^C reaches it.
            setsid();
            ioctl(slave, TIOCSCTTY, 0);
            dup2(slave, 0);
            dup2(slave, 1);
            dup2(slave, 2);
            close(master);
            if (slave > 2)
                close(slave);
            execve(argv[0], argv, envp.data());
            _exit(127);
        }
        QVERIFY(pid > 0);
        // Wait for the prompt, and for echo to be off.
        QByteArray seen;
        QElapsedTimer clock;
        clock.start();
        bool silenced = false;
        while (clock.elapsed() < 20000) {
            pollfd fd{master, POLLIN, 0};
            if (poll(&fd, 1, 100) > 0) {
                char buf[256];
                const ssize_t n = read(master, buf, sizeof buf);
                if (n > 0)
                    seen.append(buf, n);
            }
            if (seen.contains("SecretKey:") && tcgetattr(slave, &t) == 0 && !(t.c_lflag & ECHO)) {
                silenced = true;
                break;
            }
        }
        if (!silenced) {
            kill(pid, SIGKILL);
            waitpid(pid, nullptr, 0);
        }
        QVERIFY2(silenced, seen.constData());
        QCOMPARE(write(master, "\x03", 1), ssize_t(1)); // Ctrl-C: the line discipline sends SIGINT
        int status = 0;
        pid_t done = 0;
        for (int i = 0; i < 200 && done == 0; ++i) {
            done = waitpid(pid, &status, WNOHANG);
            if (done == 0)
                QTest::qWait(50);
        }
        if (done == 0) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
        }
        QVERIFY2(done == pid, "the process did not end on Ctrl-C");
        QVERIFY(WIFSIGNALED(status));
        QCOMPARE(WTERMSIG(status), SIGINT);
        QVERIFY(tcgetattr(slave, &t) == 0);
        QVERIFY2(t.c_lflag & ECHO, "echo was left off");
        close(master);
        close(slave);
    }
#endif
    void initTestCase() {
        if (qEnvironmentVariableIsEmpty("KR_HOME"))
            QSKIP("needs the private keyring session: run under scripts/with-keyring");
        m_bin = qEnvironmentVariable("TASKWATCH_BIN");
        QVERIFY2(QFileInfo(m_bin).isExecutable(), qPrintable(QStringLiteral("TASKWATCH_BIN=") + m_bin));
        QVERIFY(m_config.isValid());
    }

    void setWarnsAboutTheEndpointLikeTheDialog() {
        const QString profile = name("fsi");
        const Run r =
            run({QStringLiteral("set"), QStringLiteral("--profile"), profile, QStringLiteral("--secret-id"),
                 m_secretId, QStringLiteral("--region"), QStringLiteral("ap-shanghai-fsi"),
                 QStringLiteral("--endpoint"), QStringLiteral("https://cdb.tencentcloudapi.com")},
                m_secretKey.toUtf8());
        QVERIFY2(r.exitCode == 0, describe(r)); // a warning, not a refusal
        QVERIFY2(r.err.contains(QLatin1String("https://cdb.ap-shanghai-fsi.tencentcloudapi.com")),
                 describe(r));
        QVERIFY2(noSecretIn(r), describe(r));
        QCOMPARE(run({QStringLiteral("delete"), QStringLiteral("--profile"), profile}).exitCode, 0);
    }

    void setShowListDelete() {
        const QString profile = name("main");
        Run r =
            run({QStringLiteral("set"), QStringLiteral("--profile"), profile, QStringLiteral("--secret-id"),
                 m_secretId, QStringLiteral("--region"), QStringLiteral("ap-guangzhou")},
                (m_secretKey + QStringLiteral("\r\n") + m_token + QStringLiteral("\n")).toUtf8());
        QVERIFY2(r.exitCode == 0, describe(r));
        QVERIFY2(noSecretIn(r), describe(r));

        r = run({QStringLiteral("show"), QStringLiteral("--profile"), profile});
        QVERIFY2(r.exitCode == 0, describe(r));
        QVERIFY2(noSecretIn(r), describe(r));
        QVERIFY2(r.out.contains(QStringLiteral("*******************wxyz")),
                 describe(r)); // masked, last 4 shown
        QVERIFY2(r.out.contains(QLatin1String("Token:     set")), describe(r));
        QVERIFY2(r.out.contains(QLatin1String("ap-guangzhou")), describe(r));
        QVERIFY2(r.out.contains(QLatin1String("(active)")), describe(r)); // the first profile becomes active

        // Without --profile: the active one.
        r = run({QStringLiteral("show")});
        QVERIFY2(r.exitCode == 0 && r.out.contains(profile), describe(r));

        // A second profile, permanent key (no token line), not active.
        const QString second = name("second");
        r = run({QStringLiteral("set"), QStringLiteral("-p"), second, QStringLiteral("--secret-id"),
                 QStringLiteral("AKIDsecond")},
                m_secretKey.toUtf8());
        QVERIFY2(r.exitCode == 0, describe(r));
        r = run({QStringLiteral("show"), QStringLiteral("--profile"), second});
        QVERIFY2(r.exitCode == 0 && r.out.contains(QLatin1String("not set")), describe(r));
        QVERIFY2(noSecretIn(r) && !r.out.contains(QLatin1String("(active)")), describe(r));

        r = run({QStringLiteral("list")});
        QVERIFY2(r.exitCode == 0, describe(r));
        QVERIFY2(r.out.split(QLatin1Char('\n')).contains(QStringLiteral("* ") + profile), describe(r));
        QVERIFY2(r.out.split(QLatin1Char('\n')).contains(QStringLiteral("  ") + second), describe(r));

        // The settings file holds names and the region, never a secret.
        QFile settings(m_config.filePath(QStringLiteral("cdb-taskwatch/cdb-taskwatch.conf")));
        QVERIFY2(settings.open(QIODevice::ReadOnly), qPrintable(settings.fileName()));
        const QByteArray conf = settings.readAll();
        QVERIFY(conf.contains(profile.toUtf8()));
        QVERIFY(!conf.contains(m_secretKey.toUtf8()) && !conf.contains(m_token.toUtf8()));

        r = run({QStringLiteral("delete"), QStringLiteral("--profile"), profile});
        QVERIFY2(r.exitCode == 0, describe(r));
        r = run({QStringLiteral("show"), QStringLiteral("--profile"), profile});
        QVERIFY2(r.exitCode == 3, describe(r));
        QVERIFY2(r.err.contains(QLatin1String("does not exist")), describe(r));
        r = run({QStringLiteral("delete"), QStringLiteral("--profile"), profile});
        QVERIFY2(r.exitCode == 3, describe(r));
        r = run({QStringLiteral("list")});
        QVERIFY2(!r.out.contains(profile) && r.out.contains(second), describe(r));

        r = run({QStringLiteral("delete"), QStringLiteral("--profile"), second});
        QVERIFY2(r.exitCode == 0, describe(r));
    }

    void usageErrors() {
        Run r = run({QStringLiteral("set"), QStringLiteral("--profile"), name("empty"),
                     QStringLiteral("--secret-id"), QStringLiteral("AKIDx")},
                    QByteArray());
        QVERIFY2(r.exitCode == 2, describe(r));
        QVERIFY2(r.err.contains(QLatin1String("No SecretKey on standard input")), describe(r));
        r = run({QStringLiteral("set"), QStringLiteral("--profile"), name("empty"),
                 QStringLiteral("--secret-id"), QStringLiteral("AKIDx")},
                "\n\n");
        QVERIFY2(r.exitCode == 2, describe(r));
        r = run({QStringLiteral("show"), QStringLiteral("--profile"), name("empty")});
        QVERIFY2(r.exitCode == 3, describe(r)); // nothing was stored by the failed attempts

        QVERIFY2(run({QStringLiteral("set")}, "key\n").exitCode == 2, "--secret-id is required");
        QVERIFY2(run({QStringLiteral("frobnicate")}).exitCode == 2, "unknown sub-command");
        QVERIFY2(run({}).exitCode == 2, "missing sub-command");
        QVERIFY2(run({QStringLiteral("show"), QStringLiteral("--bogus")}).exitCode == 2, "unknown option");
        QVERIFY2(run({QStringLiteral("set"), QStringLiteral("--profile"), QStringLiteral("a/b"),
                      QStringLiteral("--secret-id"), QStringLiteral("x")},
                     "k\n")
                         .exitCode == 2,
                 "invalid profile name");
        QVERIFY2(run({QStringLiteral("set"), QStringLiteral("--secret-id"), QStringLiteral("x"),
                      QStringLiteral("--endpoint"), QStringLiteral("http://example.com")},
                     "k\n")
                         .exitCode == 2,
                 "plain http endpoint");
        QVERIFY2(run({QStringLiteral("import")}).exitCode == 2, "import without a source");

        r = run({QStringLiteral("set"), QStringLiteral("--help")});
        QVERIFY2(r.exitCode == 0 && r.out.contains(QLatin1String("--secret-id")) &&
                     r.out.contains(QLatin1String("standard input")),
                 describe(r));
        r = run({QStringLiteral("--help")});
        QVERIFY2(r.exitCode == 0 && r.out.contains(QLatin1String("import")), describe(r));
    }

    void importCommands() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString a = name("ini-a");
        const QString b = name("ini-b");
        const QString good = dir.filePath(QStringLiteral("credentials"));
        QFile f(good);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral(
                    "# sdk file\n[%1]\nsecret_id = AKIDinia\nsecret_key = %2\n\n[%3]\nsecret_id=AKIDinib\n"
                    "secret_key=%2\n")
                    .arg(a, m_secretKey, b)
                    .toUtf8());
        f.close();

        // Malformed file: exit 2, nothing stored.
        const QString badPath = dir.filePath(QStringLiteral("bad"));
        QFile bad(badPath);
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write(QStringLiteral("[%1]\nsecret_id=AKIDbad\nsecret_key=%2\n[%3]\nsecret_id=AKIDonly\n")
                      .arg(name("bad-a"), m_secretKey, name("bad-b"))
                      .toUtf8());
        bad.close();
        Run r = run({QStringLiteral("import"), QStringLiteral("--tencentcloud"), badPath});
        QVERIFY2(r.exitCode == 2 && r.err.contains(QLatin1String("secret_key")), describe(r));
        QVERIFY2(noSecretIn(r), describe(r));
        r = run({QStringLiteral("show"), QStringLiteral("--profile"), name("bad-a")});
        QVERIFY2(r.exitCode == 3, describe(r));

        r = run({QStringLiteral("import"), QStringLiteral("--tencentcloud"), good});
        QVERIFY2(r.exitCode == 0, describe(r));
        QVERIFY2(noSecretIn(r), describe(r));
        r = run({QStringLiteral("list")});
        QVERIFY2(r.out.contains(a) && r.out.contains(b), describe(r));
        r = run({QStringLiteral("show"), QStringLiteral("--profile"), b});
        QVERIFY2(r.exitCode == 0 && r.out.contains(QLatin1String("****inib")), describe(r));

        // tccli OAuth login: refused with a clear message.
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("home/.tccli"))));
        QFile oauth(dir.filePath(QStringLiteral("home/.tccli/sso-user.credential")));
        QVERIFY(oauth.open(QIODevice::WriteOnly));
        oauth.write(R"({"type":"oauth","secretId":"AKIDtmp","secretKey":"tmp","token":"t","expiresAt":1})");
        oauth.close();
        QProcessEnvironment env = baseEnvironment();
        env.insert(QStringLiteral("HOME"), dir.filePath(QStringLiteral("home")));
        r = run({QStringLiteral("import"), QStringLiteral("--tccli"), QStringLiteral("sso-user")}, {}, env);
        QVERIFY2(r.exitCode == 2 && r.err.contains(QLatin1String("oauth")), describe(r));

        // The environment, under a chosen name.
        const QString fromEnv = name("env");
        env = baseEnvironment();
        env.insert(QStringLiteral("TENCENTCLOUD_SECRET_ID"), QStringLiteral("AKIDfromEnv1234"));
        env.insert(QStringLiteral("TENCENTCLOUD_SECRET_KEY"), m_secretKey);
        r = run({QStringLiteral("import"), QStringLiteral("--env"), QStringLiteral("--profile"), fromEnv}, {},
                env);
        QVERIFY2(r.exitCode == 0, describe(r));
        r = run({QStringLiteral("show"), QStringLiteral("--profile"), fromEnv});
        QVERIFY2(r.exitCode == 0 && r.out.contains(QLatin1String("1234")), describe(r));

        for (const QString& p : {a, b, fromEnv})
            QVERIFY2(run({QStringLiteral("delete"), QStringLiteral("--profile"), p}).exitCode == 0,
                     qPrintable(p));
    }

    // No D-Bus session bus at all: a clear message and exit 3, quickly (no waiting for a prompt).
    void noSecretService() {
        QProcessEnvironment env = baseEnvironment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent"));
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        const Run r = run({QStringLiteral("set"), QStringLiteral("--profile"), name("nobus"),
                           QStringLiteral("--secret-id"), QStringLiteral("AKIDnobus")},
                          m_secretKey.toUtf8(), env, 30000);
        QVERIFY2(r.finished, describe(r));
        QVERIFY2(r.exitCode == 3, describe(r));
        QVERIFY2(r.err.contains(QLatin1String("No keychain service is available")), describe(r));
        QVERIFY2(r.err.contains(QLatin1String("gnome-keyring")), describe(r));
        QVERIFY2(noSecretIn(r), describe(r));
        qInfo("no-bus failure reported after %lld ms", r.elapsedMs);

        const Run show =
            run({QStringLiteral("show"), QStringLiteral("--profile"), name("nobus")}, {}, env, 30000);
        QVERIFY2(show.finished && show.exitCode == 3, describe(show));
        QVERIFY2(show.err.contains(QLatin1String("No keychain service is available")), describe(show));
    }

    // A bus that never answers (as when the keychain waits for an unlock prompt nobody sees): the job is
    // bounded by the time-out, and the message says so.
    void keychainThatNeverAnswers() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QLocalServer silent;
        const QString socketPath = dir.filePath(QStringLiteral("silent-bus"));
        QVERIFY2(silent.listen(socketPath), qPrintable(silent.errorString()));
        QList<QLocalSocket*> held; // accepted and never answered
        connect(&silent, &QLocalServer::newConnection, this, [&] {
            while (QLocalSocket* s = silent.nextPendingConnection())
                held.append(s);
        });

        QProcessEnvironment env = baseEnvironment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=") + socketPath);
        env.remove(QStringLiteral("DISPLAY"));
        const Run r =
            run({QStringLiteral("show"), QStringLiteral("--profile"), name("silent")}, {}, env, 60000);
        QVERIFY2(r.finished, describe(r));
        QVERIFY2(r.exitCode == 3, describe(r));
        QVERIFY2(r.err.contains(QLatin1String("did not answer within 10 s")), describe(r));
        QVERIFY2(r.err.contains(QLatin1String("unlock prompt")), describe(r));
        QVERIFY(!held.isEmpty()); // the child really talked to our silent bus
    }
};

QTEST_GUILESS_MAIN(TestCredentialsCli)
#include "tst_credentialscli.moc"
