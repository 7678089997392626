<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ApiError</name>
    <message>
        <location filename="../../core/domain/apierror.cpp" line="+115"/>
        <source>Invalid parameter (%1).</source>
        <translation>Ungültiger Parameter (%1).</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Authentication failed: send a valid &apos;Authorization: Token &lt;key token&gt;&apos; header.</source>
        <translation>Authentifizierung fehlgeschlagen: Senden Sie einen gültigen Header &apos;Authorization: Token &lt;key token&gt;&apos;.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is not allowed on %2.</source>
        <translation>%1 ist für %2 nicht zulässig.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The request body is larger than %1 bytes.</source>
        <translation>Der Body der Anfrage ist größer als %1 Bytes.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>This backend does not offer %1.</source>
        <translation>Dieses Backend unterstützt Folgendes nicht: %1.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../app/gui/main.cpp" line="+40"/>
        <source>Desktop console for ricloud webhook configs.</source>
        <translation>Desktop-Konsole für ricloud-Webhook-Konfigurationen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Run one create-and-test round trip offscreen and exit.</source>
        <translation>Einen Durchlauf „Erstellen und Testen“ ohne Anzeige ausführen und beenden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open this profile instead of the last one used.</source>
        <translation>Dieses Profil statt des zuletzt verwendeten öffnen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SQLite file of the local profile.</source>
        <translation>SQLite-Datei des lokalen Profils.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show this side panel at start: details, server or receiver.</source>
        <translation>Diese Seitenleiste beim Start anzeigen: details, server oder receiver.</translation>
    </message>
</context>
<context>
    <name>wa::AttemptDialog</name>
    <message>
        <location filename="../../ui/attemptdialog.cpp" line="+58"/>
        <source>1 byte</source>
        <translation>1 Byte</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n bytes</source>
        <translation>
            <numerusform>%n Byte</numerusform>
            <numerusform>%n Bytes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&amp;Resend</source>
        <translation>&amp;Erneut senden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy as c&amp;url</source>
        <translation>Als c&amp;url kopieren</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Started:</source>
        <translation>Gestartet:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latency:</source>
        <translation>Latenz:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event:</source>
        <translation>Ereignis:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Error:</source>
        <translation>Fehler:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Re&amp;quest</source>
        <translation>&amp;Anfrage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Res&amp;ponse</source>
        <translation>A&amp;ntwort</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A shell command that repeats this request byte for byte, signature included (a receiver refuses it once the signature is older than its window, 10 minutes by default)</source>
        <translation>Ein Shell-Befehl, der diese Anfrage Byte für Byte wiederholt, Signatur inklusive (ein Empfänger lehnt ihn ab, sobald die Signatur älter als sein Zeitfenster ist, standardmäßig 10 Minuten)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>POST to:</source>
        <translation>POST an:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signature:</source>
        <translation>Signatur:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Headers, as sent:</source>
        <translation>Header, wie gesendet:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Valid · %1</source>
        <translation>Gültig · %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invalid · %1</source>
        <translation>Ungültig · %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivery attempt: %1</source>
        <translation>Zustellversuch: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (resent)</source>
        <translation>%1 (erneut gesendet)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (test task %2)</source>
        <translation>%1 (Testauftrag %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None</source>
        <translation>Keiner</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>none sent</source>
        <translation>keine gesendet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1
signed at %2</source>
        <extracomment>The header&apos;s value, then when it was signed</extracomment>
        <translation>%1
signiert am %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Body, exactly as sent (%1):</source>
        <translation>Body, genau wie gesendet (%1):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No HTTP answer</source>
        <translation>Keine HTTP-Antwort</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No answer was received.</source>
        <translation>Es wurde keine Antwort empfangen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Body, its first %1 (the rest was not kept):</source>
        <translation>Body, die ersten %1 (der Rest wurde nicht gespeichert):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Body (%1):</source>
        <translation>Body (%1):</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Deliver the same event again (same id and body, freshly signed): a new attempt</source>
        <translation>Dasselbe Ereignis erneut zustellen (gleiche ID und gleicher Body, neu signiert): ein neuer Versuch</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The hosted API cannot resend an event; the local service and &apos;serve&apos; can.</source>
        <translation>Die gehostete API kann kein Ereignis erneut senden; der lokale Dienst und &apos;serve&apos; können es.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Resending…</source>
        <translation>Wird erneut gesendet…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This backend cannot resend events.</source>
        <translation>Dieses Backend kann keine Ereignisse erneut senden.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not resend: %1</source>
        <translation>Erneutes Senden fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Resent at %1: this is the new attempt, freshly signed.</source>
        <translation>Erneut gesendet am %1: Dies ist der neue Versuch, frisch signiert.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Copied a curl command that repeats this request to the clipboard.</source>
        <translation>Ein curl-Befehl, der diese Anfrage wiederholt, wurde in die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>curl command</source>
        <translation>curl-Befehl</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nothing accepted the connection: the receiver is not running, listens on another port, or its host name does not resolve.</source>
        <translation>Die Verbindung wurde nicht angenommen: Der Empfänger läuft nicht, lauscht auf einem anderen Port oder sein Hostname lässt sich nicht auflösen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The receiver did not answer within 10 seconds.</source>
        <translation>Der Empfänger hat nicht innerhalb von 10 Sekunden geantwortet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The TLS handshake failed: the receiver&apos;s certificate is not trusted, has expired, or does not match its host name.</source>
        <translation>Der TLS-Handshake ist fehlgeschlagen: Das Zertifikat des Empfängers ist nicht vertrauenswürdig, abgelaufen oder passt nicht zu seinem Hostnamen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The receiver answered with a redirect, which is not followed: give the config the final URL.</source>
        <translation>Der Empfänger hat mit einer Weiterleitung geantwortet, der nicht gefolgt wird: Tragen Sie in der Konfiguration die endgültige URL ein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The receiver answered, with a status outside 2xx: its answer is under Response.</source>
        <translation>Der Empfänger hat geantwortet, aber mit einem Status außerhalb von 2xx: Seine Antwort steht unter „Antwort“.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>In the transport&apos;s words: %1</source>
        <translation>Meldung der Transportschicht: %1</translation>
    </message>
</context>
<context>
    <name>wa::AttemptHistory</name>
    <message>
        <location filename="../../ui/attempthistory.cpp" line="+23"/>
        <source>&amp;Open Attempt…</source>
        <translation>Versuch ö&amp;ffnen…</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>The request and answer in full, with Resend and Copy as curl (or double-click the attempt)</source>
        <translation>Anfrage und Antwort vollständig, mit „Erneut senden“ und „Als curl kopieren“ (oder doppelklicken Sie auf den Versuch)</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Select a config to see its test history.</source>
        <translation>Wählen Sie eine Konfiguration aus, um ihren Testverlauf zu sehen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Loading test history…</source>
        <translation>Testverlauf wird geladen…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This backend keeps no test history.</source>
        <translation>Dieses Backend speichert keinen Testverlauf.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test history could not be loaded: %1</source>
        <translation>Testverlauf konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No test has been delivered yet.</source>
        <translation>Bisher wurde kein Test zugestellt.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n attempt(s), newest first</source>
        <translation>
            <numerusform>%n Versuch, neueste zuerst</numerusform>
            <numerusform>%n Versuche, neueste zuerst</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wa::AttemptHistoryModel</name>
    <message>
        <location filename="../../ui/attempthistorymodel.cpp" line="+42"/>
        <source>Answer: %1</source>
        <translation>Antwort: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>valid · %1</source>
        <translation>gültig · %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>invalid · %1</source>
        <translation>ungültig · %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HTTP status</source>
        <translation>HTTP-Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Response</source>
        <translation>Antwort</translation>
    </message>
</context>
<context>
    <name>wa::Backends</name>
    <message>
        <location filename="../../app/gui/backends.cpp" line="+141"/>
        <source>There is no profile named &quot;%1&quot;.</source>
        <translation>Es gibt kein Profil namens „%1“.</translation>
    </message>
</context>
<context>
    <name>wa::BulkActions</name>
    <message>
        <location filename="../../core/bulk/bulkactions.cpp" line="+43"/>
        <source>The backend was closed before this item was sent.</source>
        <translation>Das Backend wurde geschlossen, bevor dieser Eintrag gesendet wurde.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The test %1 was started; it was still %2 when the wait ended.</source>
        <translation>Der Test %1 wurde gestartet; er war noch %2, als das Warten endete.</translation>
    </message>
</context>
<context>
    <name>wa::BulkController</name>
    <message>
        <location filename="../../ui/bulkcontroller.cpp" line="+104"/>
        <source>Test of 1 config</source>
        <translation>Test von 1 Konfiguration</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Test of %n configs</source>
        <translation>
            <numerusform>Test von %n Konfiguration</numerusform>
            <numerusform>Test von %n Konfigurationen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Testing</source>
        <translation>Testen</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Deactivate %n webhook configs?

They stop receiving events and are hidden from the list; they can be reactivated later.</source>
        <translation>
            <numerusform>%n Webhook-Konfiguration deaktivieren?

Sie empfängt keine Ereignisse mehr und wird aus der Liste ausgeblendet; sie kann später reaktiviert werden.</numerusform>
            <numerusform>%n Webhook-Konfigurationen deaktivieren?

Sie empfangen keine Ereignisse mehr und werden aus der Liste ausgeblendet; sie können später reaktiviert werden.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The organisation&apos;s default is one of them: the organisation will have no default.</source>
        <translation>Die Standardkonfiguration der Organisation ist darunter: Die Organisation hat danach keine Standardkonfiguration mehr.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Deactivate webhook configs</source>
        <translation>Webhook-Konfigurationen deaktivieren</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>Deactivate %n</source>
        <translation>
            <numerusform>%n deaktivieren</numerusform>
            <numerusform>%n deaktivieren</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Deactivation of 1 config</source>
        <translation>Deaktivierung von 1 Konfiguration</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Deactivation of %n configs</source>
        <translation>
            <numerusform>Deaktivierung von %n Konfiguration</numerusform>
            <numerusform>Deaktivierung von %n Konfigurationen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Deactivating</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Reactivation of 1 config</source>
        <translation>Reaktivierung von 1 Konfiguration</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Reactivation of %n configs</source>
        <translation>
            <numerusform>Reaktivierung von %n Konfiguration</numerusform>
            <numerusform>Reaktivierung von %n Konfigurationen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reactivating</source>
        <translation>Reaktivieren</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Import of %1 into %2</source>
        <translation>Import von %1 in %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Importing</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Copy of 1 config to %1</source>
        <translation>Kopieren von 1 Konfiguration nach %1</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Copy of %n configs to %1</source>
        <translation>
            <numerusform>Kopieren von %n Konfiguration nach %1</numerusform>
            <numerusform>Kopieren von %n Konfigurationen nach %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Copying to %1</source>
        <translation>Kopieren nach %1</translation>
    </message>
</context>
<context>
    <name>wa::BulkItem</name>
    <message>
        <location filename="../../core/bulk/bulkitem.cpp" line="+9"/>
        <source>entry %1</source>
        <translation>Eintrag %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>entry %1 (%2)</source>
        <translation>Eintrag %1 (%2)</translation>
    </message>
</context>
<context>
    <name>wa::BulkProgress</name>
    <message>
        <location filename="../../ui/bulkprogress.cpp" line="+29"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start no more items; those under way finish</source>
        <translation>Keine weiteren Einträge starten; laufende werden noch abgeschlossen</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>%1 %2 of %3</source>
        <extracomment>&quot;Testing 120 of 1,000&quot;</extracomment>
        <translation>%1: %2 von %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(cancelling: waiting for those under way)</source>
        <translation>(wird abgebrochen: laufende Einträge werden noch abgeschlossen)</translation>
    </message>
</context>
<context>
    <name>wa::BulkReport</name>
    <message>
        <location filename="../../core/bulk/bulkreport.cpp" line="+23"/>
        <source>connection refused</source>
        <translation>Verbindung abgelehnt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>timed out</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS failure</source>
        <translation>TLS-Fehler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>redirected</source>
        <translation>weitergeleitet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rejected by the receiver</source>
        <translation>vom Empfänger abgelehnt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>already exists</source>
        <translation>existiert bereits</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>repeated in the file</source>
        <translation>mehrfach in der Datei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>outcome not awaited</source>
        <translation>Ergebnis nicht abgewartet</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>valid</source>
        <translation>gültig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>invalid</source>
        <translation>ungültig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>refused</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not done</source>
        <translation>nicht erledigt</translation>
    </message>
    <message numerus="yes">
        <location line="+39"/>
        <source>%n test(s) started</source>
        <translation>
            <numerusform>%n Test gestartet</numerusform>
            <numerusform>%n Tests gestartet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n tested</source>
        <translation>
            <numerusform>%n getestet</numerusform>
            <numerusform>%n getestet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <location line="+21"/>
        <source>%n valid</source>
        <translation>
            <numerusform>%n gültig</numerusform>
            <numerusform>%n gültig</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-19"/>
        <location line="+21"/>
        <source>%n invalid</source>
        <translation>
            <numerusform>%n ungültig</numerusform>
            <numerusform>%n ungültig</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-18"/>
        <location line="+22"/>
        <source>%n deactivated</source>
        <translation>
            <numerusform>%n deaktiviert</numerusform>
            <numerusform>%n deaktiviert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-20"/>
        <source>%n reactivated</source>
        <translation>
            <numerusform>%n reaktiviert</numerusform>
            <numerusform>%n reaktiviert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>%n created</source>
        <translation>
            <numerusform>%n erstellt</numerusform>
            <numerusform>%n erstellt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>%n skipped</source>
        <translation>
            <numerusform>%n übersprungen</numerusform>
            <numerusform>%n übersprungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n refused</source>
        <translation>
            <numerusform>%n abgelehnt</numerusform>
            <numerusform>%n abgelehnt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n unknown</source>
        <translation>
            <numerusform>%n unbekannt</numerusform>
            <numerusform>%n unbekannt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n unknown (under way when it stopped)</source>
        <translation>
            <numerusform>%n unbekannt (beim Anhalten noch in Bearbeitung)</numerusform>
            <numerusform>%n unbekannt (beim Anhalten noch in Bearbeitung)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n not done</source>
        <translation>
            <numerusform>%n nicht erledigt</numerusform>
            <numerusform>%n nicht erledigt</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cancelled after %1 of %2: </source>
        <translation>Abgebrochen nach %1 von %2: </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stopped after %1 of %2, the backend failed (%3): </source>
        <translation>Angehalten nach %1 von %2, das Backend ist ausgefallen (%3): </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
</context>
<context>
    <name>wa::BulkReportDialog</name>
    <message>
        <location filename="../../ui/bulkreportdialog.cpp" line="+18"/>
        <source>Report: %1</source>
        <translation>Bericht: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>report</source>
        <translation>Bericht</translation>
    </message>
</context>
<context>
    <name>wa::BulkSummaryBar</name>
    <message>
        <location filename="../../ui/bulksummarybar.cpp" line="+27"/>
        <source>&amp;Details…</source>
        <translation>Detai&amp;ls…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cop&amp;y Report</source>
        <translation>&amp;Bericht kopieren</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Every item that was not simply done, and why</source>
        <translation>Jeder Eintrag, der nicht einfach erledigt wurde, und warum</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy the summary and every item&apos;s outcome as text</source>
        <translation>Die Zusammenfassung und das Ergebnis jedes Eintrags als Text kopieren</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dismiss the summary</source>
        <translation>Zusammenfassung schließen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1: %2</source>
        <extracomment>&quot;Test: 12 tested: 10 valid, 2 invalid (connection refused: 2).&quot;</extracomment>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>wa::ConfigActions</name>
    <message>
        <location filename="../../ui/configactions.cpp" line="+33"/>
        <source>&amp;New…</source>
        <translation>&amp;Neu…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create a webhook config and test it</source>
        <translation>Eine Webhook-Konfiguration erstellen und testen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit URL…</source>
        <translation>URL &amp;bearbeiten…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change the selected config&apos;s URL</source>
        <translation>Die URL der ausgewählten Konfiguration ändern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Test</source>
        <translation>&amp;Testen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send a signed test event to the selected config&apos;s URL</source>
        <translation>Ein signiertes Testereignis an die URL der ausgewählten Konfiguration senden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Deactivate…</source>
        <translation>&amp;Deaktivieren…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Retire the selected config (it can be reactivated)</source>
        <translation>Die ausgewählte Konfiguration stilllegen (sie kann reaktiviert werden)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reactivate</source>
        <translation>&amp;Reaktivieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bring a deactivated config back as new and test it</source>
        <translation>Eine deaktivierte Konfiguration als neu zurückholen und testen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set as Organisation &amp;Default</source>
        <translation>Als &amp;Standard der Organisation festlegen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Make the selected config the one keys use by default</source>
        <translation>Die ausgewählte Konfiguration als diejenige festlegen, die API-Schlüssel standardmäßig verwenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+56"/>
        <source>Copy &amp;IDs</source>
        <translation>&amp;IDs kopieren</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>Copy the selected configs&apos; IDs, one a line</source>
        <translation>Die IDs der ausgewählten Konfigurationen kopieren, eine pro Zeile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy &amp;Secret</source>
        <translation>S&amp;ecret kopieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy the selected config&apos;s signing secret</source>
        <translation>Das Signatur-Secret der ausgewählten Konfiguration kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load every config again</source>
        <translation>Alle Konfigurationen neu laden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Filter</source>
        <translation>&amp;Filtern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type to filter by URL or ID</source>
        <translation>Tippen Sie, um nach URL oder ID zu filtern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select &amp;All</source>
        <translation>&amp;Alle auswählen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select every config the filter shows</source>
        <translation>Alle Konfigurationen auswählen, die der Filter anzeigt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;xport Selected…</source>
        <translation>Auswahl e&amp;xportieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the selected configs to a JSON file</source>
        <translation>Die ausgewählten Konfigurationen in einer JSON-Datei speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the selected or all configs to a JSON file</source>
        <translation>Die ausgewählten oder alle Konfigurationen in einer JSON-Datei speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create configs in this profile from an exported JSON file</source>
        <translation>Konfigurationen in diesem Profil aus einer exportierten JSON-Datei erstellen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy to &amp;Profile…</source>
        <translation>In &amp;Profil kopieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create the selected configs in another profile (new secrets, tested there)</source>
        <translation>Die ausgewählten Konfigurationen in einem anderen Profil erstellen (neue Secrets, dort getestet)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Copy &amp;ID</source>
        <translation>&amp;ID kopieren</translation>
    </message>
</context>
<context>
    <name>wa::ConfigCache</name>
    <message>
        <location filename="../../core/local/configcache.cpp" line="+138"/>
        <location line="+14"/>
        <source>no webhook config with id %1</source>
        <translation>keine Webhook-Konfiguration mit der ID %1</translation>
    </message>
</context>
<context>
    <name>wa::ConfigDetailsPanel</name>
    <message>
        <location filename="../../ui/configdetailspanel.cpp" line="+35"/>
        <source>New: not tested yet</source>
        <translation>Neu: noch nicht getestet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Valid: passed its test</source>
        <translation>Gültig: Test bestanden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Invalid: failed its test; change the URL or test again</source>
        <translation>Ungültig: Test nicht bestanden; ändern Sie die URL oder testen Sie erneut</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deactivated</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Config</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ID:</source>
        <translation>ID:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>URL:</source>
        <translation>URL:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisation:</source>
        <translation>Organisation:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created:</source>
        <translation>Erstellt:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default:</source>
        <translation>Standard:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Secret:</source>
        <translation>&amp;Secret:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Signing secret</source>
        <translation>Signatur-Secret</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+23"/>
        <source>Reveal</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Show or hide the signing secret</source>
        <translation>Signatur-Secret anzeigen oder verbergen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the signing secret to the clipboard</source>
        <translation>Signatur-Secret in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Last test:</source>
        <translation>Letzter Test:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Test history</source>
        <translation>Testverlauf</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>secret</source>
        <translation>Secret</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Yes: the organisation&apos;s default webhook config</source>
        <translation>Ja: die Standard-Webhook-Konfiguration der Organisation</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not shown by this backend</source>
        <translation>wird von diesem Backend nicht angezeigt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Looking it up…</source>
        <translation>Wird ermittelt…</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n configs selected</source>
        <translation>
            <numerusform>%n Konfiguration ausgewählt</numerusform>
            <numerusform>%n Konfigurationen ausgewählt</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test, Deactivate, Reactivate, Copy IDs, Export and Copy to Profile act on every selected config that they apply to. Select one config to see its fields and its test history.</source>
        <translation>„Testen“, „Deaktivieren“, „Reaktivieren“, „IDs kopieren“, „Exportieren“ und „In Profil kopieren“ wirken auf jede ausgewählte Konfiguration, auf die sie anwendbar sind. Wählen Sie eine einzelne Konfiguration aus, um ihre Felder und ihren Testverlauf zu sehen.</translation>
    </message>
</context>
<context>
    <name>wa::ConfigEditorDialog</name>
    <message>
        <location filename="../../ui/configeditordialog.cpp" line="+25"/>
        <source>New webhook config</source>
        <translation>Neue Webhook-Konfiguration</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit webhook URL</source>
        <translation>Webhook-URL bearbeiten</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Events are POSTed to this URL with the event ID appended. The new config is tested at once.</source>
        <translation>Ereignisse werden per POST an diese URL gesendet, mit angehängter Ereignis-ID. Die neue Konfiguration wird sofort getestet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Changing the URL puts the config back to &quot;new&quot; and tests it again (a deactivated config stays deactivated).</source>
        <translation>Wenn Sie die URL ändern, wird die Konfiguration auf „Neu“ zurückgesetzt und erneut getestet (eine deaktivierte Konfiguration bleibt deaktiviert).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Webhook URL</source>
        <translation>Webhook-URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The URL %1.</source>
        <translation>Problem mit der URL: %1.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The service refused the URL: %1.</source>
        <translation>Der Dienst hat die URL abgelehnt: %1.</translation>
    </message>
</context>
<context>
    <name>wa::ConfigExport</name>
    <message>
        <location filename="../../core/bulk/configexport.cpp" line="+28"/>
        <source>Cannot write %1: %2.</source>
        <translation>%1 kann nicht geschrieben werden: %2.</translation>
    </message>
</context>
<context>
    <name>wa::ConfigImport</name>
    <message>
        <location filename="../../core/bulk/configimport.cpp" line="+63"/>
        <source>The target backend was closed.</source>
        <translation>Das Ziel-Backend wurde geschlossen.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>created; the backend was closed before the rest</source>
        <translation>erstellt; das Backend wurde vor dem Rest geschlossen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>created as %1, but not deactivated: %2</source>
        <translation>als %1 erstellt, aber nicht deaktiviert: %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>created and deactivated, as in the file</source>
        <translation>erstellt und deaktiviert, wie in der Datei</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>same URL as %1</source>
        <translation>dieselbe URL wie %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the URL is already config %1</source>
        <translation>die URL gehört bereits zur Konfiguration %1</translation>
    </message>
</context>
<context>
    <name>wa::ConfigImportFile</name>
    <message>
        <location filename="../../core/bulk/configimportfile.cpp" line="+27"/>
        <source>Entry %1 of the file</source>
        <translation>Eintrag %1 der Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entry %1 of the file: %2</source>
        <translation>Eintrag %1 der Datei: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 %2; nothing was imported.</source>
        <translation>%1 %2; es wurde nichts importiert.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>is missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>a boolean</source>
        <translation>ein Wahrheitswert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a list</source>
        <translation>eine Liste</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>missing</source>
        <translation>nicht vorhanden</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The file is not JSON: %1 at character %2; nothing was imported.</source>
        <translation>Die Datei ist kein JSON: %1 bei Zeichen %2; es wurde nichts importiert.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a list object such as &apos;export&apos; writes: {&quot;resource&quot;: &quot;list&quot;, &quot;data&quot;: [...]}</source>
        <translation>Listenobjekt, wie es &apos;export&apos; schreibt: {&quot;resource&quot;: &quot;list&quot;, &quot;data&quot;: [...]}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>is not an object</source>
        <translation>ist kein Objekt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file is not %1; nothing was imported.</source>
        <translation>Die Datei ist kein %1; es wurde nichts importiert.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>is not &quot;list&quot;</source>
        <translation>ist nicht &quot;list&quot;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file&apos;s resource is not &quot;list&quot;: it is not %1; nothing was imported.</source>
        <translation>Die Ressource der Datei ist nicht &quot;list&quot;: Sie ist kein %1; es wurde nichts importiert.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>is %1, not a list</source>
        <translation>ist %1, keine Liste</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file has no &quot;data&quot; list: it is not %1; nothing was imported.</source>
        <translation>Die Datei hat keine &quot;data&quot;-Liste: Sie ist kein %1; es wurde nichts importiert.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>is %1, not an object</source>
        <translation>ist %1, kein Objekt</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>is %1, not a string</source>
        <translation>ist %1, keine Zeichenkette</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>is not one of new, valid, invalid, deactivated</source>
        <translation>ist keiner der Werte new, valid, invalid, deactivated</translation>
    </message>
</context>
<context>
    <name>wa::ConfigRules</name>
    <message>
        <location filename="../../core/local/configrules.cpp" line="+19"/>
        <source>No webhook config with id %1.</source>
        <translation>Keine Webhook-Konfiguration mit der ID %1.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>can only be set to new or deactivated</source>
        <translation>kann nur auf new oder deactivated gesetzt werden</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>the webhook config is deactivated: set its state to new to test it</source>
        <translation>die Webhook-Konfiguration ist deaktiviert: Setzen Sie ihren Status auf new, um sie zu testen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>no webhook config with id %1</source>
        <translation>keine Webhook-Konfiguration mit der ID %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>webhook config %1 is deactivated</source>
        <translation>die Webhook-Konfiguration %1 ist deaktiviert</translation>
    </message>
</context>
<context>
    <name>wa::ConfigTable</name>
    <message>
        <location filename="../../ui/configtable.cpp" line="+32"/>
        <source>&amp;Columns</source>
        <translation>&amp;Spalten</translation>
    </message>
</context>
<context>
    <name>wa::ConfigTableModel</name>
    <message>
        <location filename="../../ui/configtablemodel.cpp" line="+50"/>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Valid</source>
        <translation>Gültig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Invalid</source>
        <translation>Ungültig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deactivated</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not default</source>
        <translation>Kein Standard</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>State: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The organisation&apos;s default webhook config</source>
        <translation>Die Standard-Webhook-Konfiguration der Organisation</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Organisation default</source>
        <translation>Standard der Organisation</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The outcome of the config&apos;s latest test, and why</source>
        <translation>Ergebnis des letzten Tests der Konfiguration und der Grund dafür</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last test</source>
        <translation>Letzter Test</translation>
    </message>
</context>
<context>
    <name>wa::ConfigTransfer</name>
    <message>
        <location filename="../../ui/configtransfer.cpp" line="+19"/>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON-Dateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Export 1 Config</source>
        <translation>1 Konfiguration exportieren</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Export %n Configs</source>
        <translation>
            <numerusform>%n Konfiguration exportieren</numerusform>
            <numerusform>%n Konfigurationen exportieren</numerusform>
        </translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Could not export to %1</source>
        <translation>Export nach %1 fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+50"/>
        <source>1 config</source>
        <translation>1 Konfiguration</translation>
    </message>
    <message numerus="yes">
        <location line="-50"/>
        <location line="+50"/>
        <source>%n configs</source>
        <translation>
            <numerusform>%n Konfiguration</numerusform>
            <numerusform>%n Konfigurationen</numerusform>
        </translation>
    </message>
    <message>
        <location line="-49"/>
        <source>Exported %1 to %2, with their secrets (the file is readable by you only).</source>
        <translation>%1 nach %2 exportiert, mit ihren Secrets (nur Sie können die Datei lesen).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exported %1 to %2.</source>
        <translation>%1 nach %2 exportiert.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Import Configs into %1</source>
        <translation>Konfigurationen in %1 importieren</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Could not import %1</source>
        <translation>%1 konnte nicht importiert werden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 has no configs: nothing to import.</source>
        <translation>%1 enthält keine Konfigurationen: Es gibt nichts zu importieren.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Create %1 from %2 in %3?

Each gets a new secret and is tested; a URL that is already there is skipped, and a report follows.</source>
        <translation>%1 aus %2 in %3 erstellen?

Jede erhält ein neues Secret und wird getestet; eine bereits vorhandene URL wird übersprungen, anschließend folgt ein Bericht.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import configs</source>
        <translation>Konfigurationen importieren</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>Import %n</source>
        <translation>
            <numerusform>%n importieren</numerusform>
            <numerusform>%n importieren</numerusform>
        </translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Opening profile %1…</source>
        <translation>Profil %1 wird geöffnet…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Could not open the profile &quot;%1&quot;</source>
        <translation>Das Profil „%1“ konnte nicht geöffnet werden</translation>
    </message>
</context>
<context>
    <name>wa::CopyToProfileDialog</name>
    <message>
        <location filename="../../ui/copytoprofiledialog.cpp" line="+19"/>
        <source>Copy to Profile</source>
        <translation>In Profil kopieren</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Local (embedded service)</source>
        <translation>Lokal (eingebetteter Dienst)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy 1 config &amp;to:</source>
        <translation>1 Konfiguration kopieren &amp;nach:</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>Copy %n configs &amp;to:</source>
        <translation>
            <numerusform>%n Konfiguration kopieren &amp;nach:</numerusform>
            <numerusform>%n Konfigurationen kopieren &amp;nach:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Each is created there with its URL (and deactivated, if it is deactivated here). The other profile makes a new secret and tests it; a URL it already has is skipped. Nothing changes in this profile. A report follows.</source>
        <translation>Jede wird dort mit ihrer URL erstellt (und deaktiviert, falls sie hier deaktiviert ist). Das andere Profil erzeugt ein neues Secret und testet sie; eine URL, die es bereits hat, wird übersprungen. In diesem Profil ändert sich nichts. Anschließend folgt ein Bericht.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
</context>
<context>
    <name>wa::EmptyState</name>
    <message>
        <location filename="../../ui/emptystate.cpp" line="+17"/>
        <source>Create a Config…</source>
        <translation>Konfiguration erstellen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start the Receiver and Point a Config at It</source>
        <translation>Empfänger starten und eine Konfiguration darauf richten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear Filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>No webhook configs yet</source>
        <translation>Noch keine Webhook-Konfigurationen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A webhook config tells the service where to send events: a URL, and a secret to sign them with. Each new config is tested at once, and is valid when its receiver answers.

No receiver of your own yet? The built-in one runs on this computer and checks every event&apos;s signature.</source>
        <translation>Eine Webhook-Konfiguration teilt dem Dienst mit, wohin er Ereignisse senden soll: eine URL und ein Secret, mit dem sie signiert werden. Jede neue Konfiguration wird sofort getestet und ist gültig, sobald ihr Empfänger antwortet.

Noch keinen eigenen Empfänger? Der eingebaute läuft auf diesem Computer und prüft die Signatur jedes Ereignisses.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No config matches</source>
        <translation>Keine passende Konfiguration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The filter hides every config.</source>
        <translation>Der Filter blendet alle Konfigurationen aus.</translation>
    </message>
</context>
<context>
    <name>wa::ErrorBanner</name>
    <message>
        <location filename="../../ui/errorbanner.cpp" line="+15"/>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dismiss message</source>
        <translation>Meldung schließen</translation>
    </message>
</context>
<context>
    <name>wa::EventVerdict</name>
    <message>
        <location filename="../../core/receiver/eventverdict.cpp" line="+35"/>
        <source>Valid</source>
        <translation>Gültig</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No secret to check against</source>
        <translation>Kein Secret zum Prüfen vorhanden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No signature header</source>
        <translation>Kein Signatur-Header</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Malformed signature header</source>
        <translation>Fehlerhafter Signatur-Header</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signature does not match</source>
        <translation>Signatur stimmt nicht überein</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Body altered after signing</source>
        <translation>Body nach dem Signieren verändert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Timestamp too old</source>
        <translation>Zeitstempel zu alt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Timestamp in the future</source>
        <translation>Zeitstempel in der Zukunft</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Body is not JSON</source>
        <translation>Body ist kein JSON</translation>
    </message>
</context>
<context>
    <name>wa::EventVerifier</name>
    <message>
        <location filename="../../core/receiver/eventverifier.cpp" line="+52"/>
        <source>The request has no Ricloud-Signature header, so nothing proves who sent it.</source>
        <translation>Die Anfrage hat keinen Ricloud-Signature-Header, daher belegt nichts, wer sie gesendet hat.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The Ricloud-Signature header is malformed: it is empty.</source>
        <translation>Der Ricloud-Signature-Header ist fehlerhaft: Er ist leer.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The Ricloud-Signature header is malformed: %1 (expected &quot;t=&lt;unix seconds&gt;,s=&lt;base64 signature&gt;&quot;).</source>
        <translation>Der Ricloud-Signature-Header ist fehlerhaft: %1 (erwartet: &quot;t=&lt;Unix-Sekunden&gt;,s=&lt;Base64-Signatur&gt;&quot;).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it does not parse</source>
        <translation>er lässt sich nicht auswerten</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No secret is known for this request, so its signature cannot be checked: name the config or the secret it was signed with.</source>
        <translation>Für diese Anfrage ist kein Secret bekannt, daher kann ihre Signatur nicht geprüft werden: Geben Sie die Konfiguration oder das Secret an, mit dem sie signiert wurde.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The Ricloud-Signature header is malformed: %1.</source>
        <translation>Der Ricloud-Signature-Header ist fehlerhaft: %1.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The timestamp is too old: signed %1 s ago, %2 s past the %3 s window.</source>
        <translation>Der Zeitstempel ist zu alt: vor %1 s signiert, %2 s über dem Zeitfenster von %3 s.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The signature itself matches: a replay, or a clock that is off.</source>
        <translation>Die Signatur selbst stimmt überein: ein Replay oder eine falsch gehende Uhr.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+15"/>
        <source>The signature does not match either.</source>
        <translation>Auch die Signatur stimmt nicht überein.</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>The timestamp is %1 s in the future, %2 s beyond the %3 s allowed for clock skew.</source>
        <translation>Der Zeitstempel liegt %1 s in der Zukunft, %2 s über den %3 s, die als Uhrabweichung erlaubt sind.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The signature itself matches: the sender&apos;s clock is ahead.</source>
        <translation>Die Signatur selbst stimmt überein: Die Uhr des Absenders geht vor.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The signature is valid, but the body is not JSON: %1 at byte %2.</source>
        <translation>Die Signatur ist gültig, aber der Body ist kein JSON: %1 bei Byte %2.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The signature matches; signed %1 s ago.</source>
        <translation>Die Signatur stimmt überein; vor %1 s signiert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The signature matches; signed %1 s in the future, within the allowed clock skew.</source>
        <translation>Die Signatur stimmt überein; %1 s in der Zukunft signiert, innerhalb der erlaubten Uhrabweichung.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The signature does not match the body received: the body bytes differ from what was signed (%1 bytes received, %2 signed, first difference at byte %3).</source>
        <translation>Die Signatur passt nicht zum empfangenen Body: Die Bytes des Body weichen von den signierten ab (%1 Bytes empfangen, %2 signiert, erster Unterschied bei Byte %3).</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+4"/>
        <source>a line break was added at its end</source>
        <translation>am Ende ein Zeilenumbruch angefügt wurde</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the line break at its end was removed</source>
        <translation>der Zeilenumbruch am Ende entfernt wurde</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>its line endings were changed to CRLF</source>
        <translation>seine Zeilenenden in CRLF geändert wurden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>its line endings were changed from CRLF</source>
        <translation>seine Zeilenenden von CRLF auf LF geändert wurden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>white space was added around it</source>
        <translation>Leerraum um ihn herum ergänzt wurde</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>its JSON was re-serialised (it was signed in compact form)</source>
        <translation>sein JSON neu serialisiert wurde (signiert wurde es in kompakter Form)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>its JSON was re-serialised (it was signed indented)</source>
        <translation>sein JSON neu serialisiert wurde (signiert wurde es eingerückt)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The signature does not match the body received, but it matches the same body as it was before %1: the body bytes differ from what was signed.</source>
        <translation>Die Signatur passt nicht zum empfangenen Body, aber zum selben Body, wie er war, bevor %1: Die Bytes des Body weichen von den signierten ab.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The signature does not match: it was made with another secret, or over other body bytes than the %1 received (the body may have been altered).</source>
        <translation>Die Signatur stimmt nicht überein: Sie wurde mit einem anderen Secret erstellt oder über andere Body-Bytes als die %1 empfangenen (der Body wurde möglicherweise verändert).</translation>
    </message>
</context>
<context>
    <name>wa::ExportDialog</name>
    <message>
        <location filename="../../ui/exportdialog.cpp" line="+15"/>
        <source>The &amp;selected config</source>
        <translation>Die aus&amp;gewählte Konfiguration</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>The %n &amp;selected configs</source>
        <translation>
            <numerusform>Die %n aus&amp;gewählte Konfiguration</numerusform>
            <numerusform>Die %n aus&amp;gewählten Konfigurationen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;All of this profile: 1 config</source>
        <translation>&amp;Alle in diesem Profil: 1 Konfiguration</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>&amp;All %n configs of this profile, deactivated ones included</source>
        <translation>
            <numerusform>&amp;Alle %n Konfiguration dieses Profils, einschließlich deaktivierter</numerusform>
            <numerusform>&amp;Alle %n Konfigurationen dieses Profils, einschließlich deaktivierter</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Include &amp;secrets</source>
        <translation>&amp;Secrets einschließen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export Configs</source>
        <translation>Konfigurationen exportieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saves configs as JSON in the API&apos;s own list shape, which Import, the command line&apos;s import, jq and the official client read.</source>
        <translation>Speichert Konfigurationen als JSON in der Listenform der API, die „Importieren“, der Import der Kommandozeile, jq und der offizielle Client lesen.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Without secrets the file can be shared; an import makes new secrets in any case</source>
        <translation>Ohne Secrets kann die Datei weitergegeben werden; ein Import erzeugt ohnehin neue Secrets</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The file will hold each config&apos;s signing secret: whoever reads it can sign events that its receivers accept. It is written readable by you only (mode 0600); keep it out of shared folders and version control.</source>
        <translation>Die Datei enthält das Signatur-Secret jeder Konfiguration: Wer sie liest, kann Ereignisse signieren, die deren Empfänger akzeptieren. Sie wird nur für Sie lesbar geschrieben (Modus 0600); legen Sie sie nicht in freigegebene Ordner oder in die Versionsverwaltung.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
</context>
<context>
    <name>wa::FilterBar</name>
    <message>
        <location filename="../../ui/filterbar.cpp" line="+44"/>
        <source>Created from</source>
        <translation>Erstellt von</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Filter by URL or ID (Ctrl+F)</source>
        <translation>Nach URL oder ID filtern (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter text</source>
        <translation>Filtertext</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Escape clears it</source>
        <translation>Escape leert das Feld</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>States:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Only configs created on or after this day</source>
        <translation>Nur Konfigurationen, die an diesem Tag oder später erstellt wurden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only configs created on or before this day</source>
        <translation>Nur Konfigurationen, die an diesem Tag oder früher erstellt wurden</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>%1 of %2 configs</source>
        <translation>%1 von %2 Konfigurationen</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>✓ %1</source>
        <translation>✓ %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shown: configs in state %1 (click to hide)</source>
        <translation>Angezeigt: Konfigurationen mit Status %1 (zum Ausblenden klicken)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hidden: configs in state %1 (click to show)</source>
        <translation>Ausgeblendet: Konfigurationen mit Status %1 (zum Anzeigen klicken)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show state %1</source>
        <translation>Status %1 anzeigen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;Created from&quot; is after &quot;to&quot;: no day is in between.</source>
        <translation>„Erstellt von“ liegt nach „bis“: Dazwischen liegt kein Tag.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>From is after to</source>
        <translation>„Von“ liegt nach „bis“</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>text &quot;%1&quot;</source>
        <translation>Text „%1“</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>states %1</source>
        <translation>Status %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>created from %1</source>
        <translation>erstellt ab %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>created to %1</source>
        <translation>erstellt bis %1</translation>
    </message>
</context>
<context>
    <name>wa::JsonCodec</name>
    <message>
        <location filename="../../core/domain/jsoncodec.cpp" line="+50"/>
        <source>is missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be an array</source>
        <translation>muss ein Array sein</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>holds an item that is not a %1</source>
        <translation>enthält ein Element, das kein %1 ist</translation>
    </message>
    <message>
        <location line="+276"/>
        <source>must be a list</source>
        <translation>muss eine Liste sein</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>must hold [name, value] pairs</source>
        <translation>muss Paare [Name, Wert] enthalten</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>must be an array of [name, value] pairs</source>
        <translation>muss ein Array von Paaren [Name, Wert] sein</translation>
    </message>
</context>
<context>
    <name>wa::JsonReader</name>
    <message>
        <location filename="../../core/domain/jsonreader.cpp" line="+17"/>
        <source>is not &quot;%1&quot;</source>
        <translation>ist nicht &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The answer is not a valid %1: field &quot;%2&quot; %3.</source>
        <translation>Die Antwort ist kein gültiges %1: Das Feld &quot;%2&quot; %3.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>is empty</source>
        <translation>ist leer</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+14"/>
        <location line="+12"/>
        <location filename="../../core/domain/jsonreader.h" line="+49"/>
        <source>is missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>must be a string or a number</source>
        <translation>muss eine Zeichenkette oder eine Zahl sein</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>must be a string</source>
        <translation>muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>must be an ISO 8601 datetime string</source>
        <translation>muss eine Zeichenkette mit Datum und Uhrzeit nach ISO 8601 sein</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>is not an ISO 8601 datetime</source>
        <translation>ist kein Datum mit Uhrzeit nach ISO 8601</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>must be an integer</source>
        <translation>muss eine ganze Zahl sein</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>must be true or false</source>
        <translation>muss true oder false sein</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>must be an object</source>
        <translation>muss ein Objekt sein</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>must be a string or {&quot;base64&quot;: ...}</source>
        <translation>muss eine Zeichenkette oder {&quot;base64&quot;: ...} sein</translation>
    </message>
    <message>
        <location filename="../../core/domain/jsonreader.h" line="+5"/>
        <source>is not a known state</source>
        <translation>ist kein bekannter Status</translation>
    </message>
</context>
<context>
    <name>wa::LocalCommands</name>
    <message>
        <location filename="../../core/local/localcommands.cpp" line="+82"/>
        <source>%1 tests are waiting to be delivered already; try again shortly.</source>
        <translation>Es warten bereits %1 Tests auf die Zustellung; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <location line="+221"/>
        <source>No key with id %1.</source>
        <translation>Kein Schlüssel mit der ID %1.</translation>
    </message>
</context>
<context>
    <name>wa::LocalQueries</name>
    <message>
        <location filename="../../core/local/localqueries.cpp" line="+38"/>
        <source>must be between 1 and %1</source>
        <translation>muss zwischen 1 und %1 liegen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot be combined with after_id</source>
        <translation>kann nicht mit after_id kombiniert werden</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No task with id %1.</source>
        <translation>Kein Auftrag mit der ID %1.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>no task with id %1</source>
        <translation>kein Auftrag mit der ID %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No event with id %1.</source>
        <translation>Kein Ereignis mit der ID %1.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>no event with id %1</source>
        <translation>kein Ereignis mit der ID %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>no delivery attempt with id %1</source>
        <translation>kein Zustellversuch mit der ID %1</translation>
    </message>
</context>
<context>
    <name>wa::LocalServer</name>
    <message>
        <location filename="../../core/server/localserver.cpp" line="+158"/>
        <source>Cannot listen on %1: %2.</source>
        <translation>Lauschen auf %1 nicht möglich: %2.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The server is already listening on %1.</source>
        <translation>Der Server lauscht bereits auf %1.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot listen on %1: not an IPv4 or IPv6 address.</source>
        <translation>Lauschen auf %1 nicht möglich: keine IPv4- oder IPv6-Adresse.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>the HTTP server did not start</source>
        <translation>der HTTP-Server ist nicht gestartet</translation>
    </message>
</context>
<context>
    <name>wa::LocalService</name>
    <message>
        <location filename="../../core/local/localservice.cpp" line="+22"/>
        <source>The local service is not open.</source>
        <translation>Der lokale Dienst ist nicht geöffnet.</translation>
    </message>
</context>
<context>
    <name>wa::LocalView</name>
    <message>
        <location filename="../../core/local/localview.cpp" line="+57"/>
        <source>The database has no organisation.</source>
        <translation>Die Datenbank enthält keine Organisation.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The database has no key.</source>
        <translation>Die Datenbank enthält keinen Schlüssel.</translation>
    </message>
</context>
<context>
    <name>wa::MainWindow</name>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="+95"/>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Local Server</source>
        <translation>Lokaler Server</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Receiver</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The built-in receiver is not available in this build.</source>
        <translation>Der eingebaute Empfänger ist in diesem Build nicht verfügbar.</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Toolbar</source>
        <translation>Werkzeugleiste</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Profiles…</source>
        <translation>&amp;Profile…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>List, add, test or remove profiles</source>
        <translation>Profile auflisten, hinzufügen, testen oder entfernen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Configs</source>
        <translation>&amp;Konfigurationen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Tools</source>
        <translation>E&amp;xtras</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Signature Tools…</source>
        <translation>&amp;Signaturwerkzeuge…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;About Webhook Admin</source>
        <translation>&amp;Über Webhook Admin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About Webhook Admin</source>
        <translation>Über Webhook Admin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Webhook Admin %1&lt;/b&gt;&lt;p&gt;A desktop console for ricloud webhook configs, on the hosted API or the embedded local service.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Webhook Admin %1&lt;/b&gt;&lt;p&gt;Eine Desktop-Konsole für ricloud-Webhook-Konfigurationen, über die gehostete API oder den eingebetteten lokalen Dienst.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Opening profile %1…</source>
        <translation>Profil %1 wird geöffnet…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Could not open the profile &quot;%1&quot;</source>
        <translation>Das Profil „%1“ konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <location line="+46"/>
        <location line="+8"/>
        <source>Local</source>
        <translation>Lokal</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Local (%1)</source>
        <translation>Lokal (%1)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Loading configs…</source>
        <translation>Konfigurationen werden geladen…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Loading was cancelled: the table may be incomplete.</source>
        <translation>Das Laden wurde abgebrochen: Die Tabelle ist möglicherweise unvollständig.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Could not load the configs</source>
        <translation>Die Konfigurationen konnten nicht geladen werden</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Could not load the organisation</source>
        <translation>Die Organisation konnte nicht geladen werden</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>None of the %n config(s) is in a state shown.</source>
        <translation>
            <numerusform>Die %n Konfiguration hat keinen der angezeigten Status.</numerusform>
            <numerusform>Keine der %n Konfigurationen hat einen der angezeigten Status.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>None of the %n config(s) matches %1.</source>
        <translation>
            <numerusform>Die %n Konfiguration passt nicht zu: %1.</numerusform>
            <numerusform>Keine der %n Konfigurationen passt zu: %1.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the profile&apos;s token (File &gt; Profiles).</source>
        <translation>Prüfen Sie das Token des Profils (Datei &gt; Profile).</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowactions.cpp" line="+43"/>
        <source>The profile was switched while this dialog was open: nothing was saved. Cancel, and open the dialog again in this profile.</source>
        <translation>Das Profil wurde gewechselt, während dieser Dialog geöffnet war: Es wurde nichts gespeichert. Brechen Sie ab und öffnen Sie den Dialog in diesem Profil erneut.</translation>
    </message>
    <message>
        <location line="+69"/>
        <location line="+300"/>
        <source>Copied the %1 to the clipboard.</source>
        <translation>%1 in die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <location line="-290"/>
        <source>secret</source>
        <translation>Secret</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Created %1; the filter hides it.</source>
        <translation>%1 erstellt; der Filter blendet die Konfiguration aus.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Created %1; testing it.</source>
        <translation>%1 erstellt; wird getestet.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Saved the URL %1; testing it.</source>
        <translation>URL %1 gespeichert; wird getestet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved the URL %1.</source>
        <translation>URL %1 gespeichert.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The test of %1 could not start</source>
        <translation>Der Test von %1 konnte nicht gestartet werden</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Deactivate the webhook config for %1?

It stops receiving events and is hidden from the list; it can be reactivated later.</source>
        <translation>Die Webhook-Konfiguration für %1 deaktivieren?

Sie empfängt keine Ereignisse mehr und wird aus der Liste ausgeblendet; sie kann später reaktiviert werden.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>It is the organisation&apos;s default: the organisation will have no default.</source>
        <translation>Sie ist die Standardkonfiguration der Organisation: Die Organisation hat danach keine Standardkonfiguration mehr.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deactivate webhook config</source>
        <translation>Webhook-Konfiguration deaktivieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Deactivate</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Could not deactivate %1</source>
        <translation>%1 konnte nicht deaktiviert werden</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Deactivated %1.</source>
        <translation>%1 deaktiviert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Could not reactivate %1</source>
        <translation>%1 konnte nicht reaktiviert werden</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reactivated %1; the filter hides it.</source>
        <translation>%1 reaktiviert; der Filter blendet die Konfiguration aus.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reactivated %1; testing it.</source>
        <translation>%1 reaktiviert; wird getestet.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Could not make %1 the default</source>
        <translation>%1 konnte nicht als Standard festgelegt werden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is now the organisation&apos;s default webhook config.</source>
        <translation>%1 ist jetzt die Standard-Webhook-Konfiguration der Organisation.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Copied the ID to the clipboard.</source>
        <translation>ID in die Zwischenablage kopiert.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Copied %n IDs to the clipboard, one a line.</source>
        <translation>
            <numerusform>%n ID in die Zwischenablage kopiert, eine pro Zeile.</numerusform>
            <numerusform>%n IDs in die Zwischenablage kopiert, eine pro Zeile.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wa::PostgresEngine</name>
    <message>
        <location filename="../../core/local/postgresengine.cpp" line="+23"/>
        <source>not a valid URL (%1)</source>
        <translation>keine gültige URL (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a postgresql:// URL is needed</source>
        <translation>eine postgresql://-URL wird benötigt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>name the database: postgresql://user@host:port/dbname</source>
        <translation>geben Sie die Datenbank an: postgresql://user@host:port/dbname</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cannot use the database %1: %2.</source>
        <translation>Die Datenbank %1 kann nicht verwendet werden: %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The Qt PostgreSQL driver is not available: install libqt6sql6-psql.</source>
        <translation>Der PostgreSQL-Treiber von Qt ist nicht verfügbar: Installieren Sie libqt6sql6-psql.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Cannot connect to the database %1: %2</source>
        <translation>Keine Verbindung zur Datenbank %1: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no answer.</source>
        <translation>keine Antwort.</translation>
    </message>
</context>
<context>
    <name>wa::Profile</name>
    <message>
        <location filename="../../core/profiles/profile.cpp" line="+23"/>
        <source>must not be empty</source>
        <translation>darf nicht leer sein</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>must not start or end with a space</source>
        <translation>darf nicht mit einem Leerzeichen beginnen oder enden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>at most 64 characters</source>
        <translation>höchstens 64 Zeichen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>must not contain &apos;/&apos; or &apos;\&apos;</source>
        <translation>darf weder &apos;/&apos; noch &apos;\&apos; enthalten</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>must be an absolute URL with a host</source>
        <translation>muss eine absolute URL mit Host sein</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>must use http or https</source>
        <translation>muss http oder https verwenden</translation>
    </message>
</context>
<context>
    <name>wa::ProfileDialog</name>
    <message>
        <location filename="../../ui/profiledialog.cpp" line="+39"/>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Test Connection</source>
        <translation>&amp;Verbindung testen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Name:</source>
        <translation>Na&amp;me:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API &amp;URL:</source>
        <translation>API-&amp;URL:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The embedded service on this computer: configs in a local database, test events really delivered. No URL or token needed, and nothing to edit here.</source>
        <translation>Der eingebettete Dienst auf diesem Computer: Konfigurationen in einer lokalen Datenbank, Testereignisse werden wirklich zugestellt. Keine URL und kein Token nötig, und hier gibt es nichts zu bearbeiten.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Try the URL and token without saving them</source>
        <translation>URL und Token ausprobieren, ohne sie zu speichern</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Local (embedded service)</source>
        <translation>Lokal (eingebetteter Dienst)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The built-in profile: always there, nothing to edit</source>
        <translation>Das eingebaute Profil: immer vorhanden, nichts zu bearbeiten</translation>
    </message>
    <message>
        <location line="+43"/>
        <location line="+134"/>
        <source>unchanged (type to replace the stored token)</source>
        <translation>unverändert (tippen, um das gespeicherte Token zu ersetzen)</translation>
    </message>
    <message>
        <location line="-119"/>
        <source>the API key&apos;s token</source>
        <translation>das Token des API-Schlüssels</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No keychain service is running on this desktop, so API tokens are kept in %1, a file only you can read.</source>
        <translation>Auf diesem Desktop läuft kein Schlüsselbunddienst, daher werden API-Tokens in %1 gespeichert, einer Datei, die nur Sie lesen können.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Enter the API&apos;s URL first, such as https://ricloud-api.reincubate.com.</source>
        <translation>Geben Sie zuerst die URL der API ein, etwa https://ricloud-api.reincubate.com.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enter the API key&apos;s token to test the connection.</source>
        <translation>Geben Sie das Token des API-Schlüssels ein, um die Verbindung zu testen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Connected to %1: organisation &quot;%2&quot;.</source>
        <translation>Verbunden mit %1: Organisation „%2“.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not connect: %1</source>
        <translation>Verbindung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The name &quot;%1&quot; belongs to the embedded service: choose another.</source>
        <translation>Der Name „%1“ gehört zum eingebetteten Dienst: Wählen Sie einen anderen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+8"/>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Not saved: a remote profile needs the API key&apos;s token.</source>
        <translation>Nicht gespeichert: Ein Remote-Profil benötigt das Token des API-Schlüssels.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The token was not stored: %1</source>
        <translation>Das Token wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Remove profile</source>
        <translation>Profil entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the profile &quot;%1&quot; and its stored token? The remote configs are not touched.</source>
        <translation>Das Profil „%1“ und sein gespeichertes Token entfernen? Die Konfigurationen auf dem Server bleiben unberührt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>wa::ProfileStore</name>
    <message>
        <location filename="../../core/profiles/profilestore.cpp" line="+79"/>
        <source>Could not write the profiles to %1.</source>
        <translation>Die Profile konnten nicht in %1 geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>wa::ProfileSwitcher</name>
    <message>
        <location filename="../../ui/profileswitcher.cpp" line="+12"/>
        <source>Which backend this window administers</source>
        <translation>Welches Backend dieses Fenster verwaltet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Local</source>
        <translation>Lokal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The embedded service on this computer</source>
        <translation>Der eingebettete Dienst auf diesem Computer</translation>
    </message>
</context>
<context>
    <name>wa::ReceivedRequestModel</name>
    <message>
        <location filename="../../core/receiver/receivedrequestmodel.cpp" line="+66"/>
        <source>%1 (held %2 ms)</source>
        <translation>%1 (um %2 ms verzögert)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verdict</source>
        <translation>Prüfergebnis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
</context>
<context>
    <name>wa::Receiver</name>
    <message>
        <location filename="../../core/receiver/receiver.cpp" line="+77"/>
        <source>Cannot listen on 127.0.0.1:%1: %2.</source>
        <translation>Lauschen auf 127.0.0.1:%1 nicht möglich: %2.</translation>
    </message>
</context>
<context>
    <name>wa::ReceiverPanel</name>
    <message>
        <location filename="../../ui/receiverpanel.cpp" line="+80"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New Config Pointing Here</source>
        <translation>Neue Konfiguration mit dieser URL</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Verify Again</source>
        <translation>Erneut prüfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check Signature…</source>
        <translation>Signatur prüfen…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Any free port</source>
        <translation>Beliebiger freier Port</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port on 127.0.0.1 to listen on</source>
        <translation>Port auf 127.0.0.1, auf dem gelauscht wird</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not listening</source>
        <translation>Nicht empfangsbereit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the receiver&apos;s URL</source>
        <translation>Die URL des Empfängers kopieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create a webhook config whose URL points at this receiver</source>
        <translation>Eine Webhook-Konfiguration erstellen, deren URL auf diesen Empfänger zeigt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>By verdict: 200 valid, 400 invalid</source>
        <translation>Nach Prüfergebnis: 200 gültig, 400 ungültig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fail with status</source>
        <translation>Mit Status fehlschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redirect (302)</source>
        <translation>Weiterleitung (302)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hold each answer back; the sender gives up after 10 s</source>
        <translation>Jede Antwort verzögern; der Absender gibt nach 10 s auf</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Verify every request again with the secrets known now</source>
        <translation>Alle Anfragen mit den jetzt bekannten Secrets erneut prüfen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open this request&apos;s header and body in the signature tools</source>
        <translation>Header und Body dieser Anfrage in den Signaturwerkzeugen öffnen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Answer:</source>
        <translation>Ant&amp;wort:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>De&amp;lay:</source>
        <translation>&amp;Verzögerung:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Headers</source>
        <translation>Header</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Body as JSON</source>
        <translation>Body als JSON</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Body as Received</source>
        <translation>Body wie empfangen</translation>
    </message>
    <message>
        <location line="+111"/>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop receiving events</source>
        <translation>Keine Ereignisse mehr empfangen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receive events on 127.0.0.1</source>
        <translation>Ereignisse auf 127.0.0.1 empfangen</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Select a request to see its verdict, headers and body.</source>
        <translation>Wählen Sie eine Anfrage aus, um ihr Prüfergebnis, ihre Header und ihren Body zu sehen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Body as received</source>
        <translation>Body wie empfangen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Answered %1.</source>
        <translation>Mit %1 beantwortet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer %1 held back %2 ms.</source>
        <translation>Antwort %1 um %2 ms verzögert.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>(not JSON)</source>
        <translation>(kein JSON)</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Body as received: %n byte(s)</source>
        <translation>
            <numerusform>Body wie empfangen: %n Byte</numerusform>
            <numerusform>Body wie empfangen: %n Bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Body as received: %n byte(s), not UTF-8 (hex)</source>
        <translation>
            <numerusform>Body wie empfangen: %n Byte, kein UTF-8 (hex)</numerusform>
            <numerusform>Body wie empfangen: %n Bytes, kein UTF-8 (hex)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(cut at %1 bytes)</source>
        <translation>(abgeschnitten bei %1 Bytes)</translation>
    </message>
</context>
<context>
    <name>wa::RemoteErrors</name>
    <message>
        <location filename="../../core/remote/remoteerrors.cpp" line="+31"/>
        <source>no content type</source>
        <translation>ohne Content-Type</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Could not connect to %1: the connection was refused. Is the server running on that port?</source>
        <translation>Keine Verbindung zu %1: Die Verbindung wurde abgelehnt. Läuft der Server auf diesem Port?</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The host %1 was not found (DNS lookup failed). Check the URL.</source>
        <translation>Der Host %1 wurde nicht gefunden (DNS-Abfrage fehlgeschlagen). Prüfen Sie die URL.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 closed the connection before the answer was complete.</source>
        <translation>%1 hat die Verbindung geschlossen, bevor die Antwort vollständig war.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The network failed while talking to %1: %2.</source>
        <translation>Das Netzwerk ist während der Verbindung mit %1 ausgefallen: %2.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Could not talk to %1: %2.</source>
        <translation>Keine Verständigung mit %1 möglich: %2.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The TLS connection to %1 was refused: %2. The certificate is not trusted, so nothing was sent.</source>
        <translation>Die TLS-Verbindung zu %1 wurde abgelehnt: %2. Dem Zertifikat wird nicht vertraut, daher wurde nichts gesendet.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 answered HTTP %2 with %3, %4.</source>
        <translation>%1 hat mit HTTP %2 und %3 geantwortet, %4.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No answer from %1 within %2 seconds.</source>
        <translation>Keine Antwort von %1 innerhalb von %2 Sekunden.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The request was cancelled before it finished.</source>
        <translation>Die Anfrage wurde abgebrochen, bevor sie abgeschlossen war.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>which is not a readable HTTP answer</source>
        <translation>was keine lesbare HTTP-Antwort ist</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 redirected to %2 (HTTP %3); redirects are not followed, so that the token is only sent where you meant: use that address as the URL.</source>
        <translation>%1 hat auf %2 weitergeleitet (HTTP %3); Weiterleitungen wird nicht gefolgt, damit das Token nur dorthin gesendet wird, wohin Sie es wollten: Verwenden Sie diese Adresse als URL.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>not the API&apos;s JSON object</source>
        <translation>nicht mit dem JSON-Objekt der API</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The token was refused by %1 (HTTP 401): check the API token.</source>
        <translation>Das Token wurde von %1 abgelehnt (HTTP 401): Prüfen Sie das API-Token.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>not the API&apos;s JSON: a proxy or another service may be in the way</source>
        <translation>nicht mit dem JSON der API: Möglicherweise steht ein Proxy oder ein anderer Dienst dazwischen</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>The service answered with HTTP status %1.</source>
        <translation>Der Dienst hat mit dem HTTP-Status %1 geantwortet.</translation>
    </message>
</context>
<context>
    <name>wa::RemoteService</name>
    <message>
        <location filename="../../core/remote/remoteservice.cpp" line="+99"/>
        <source>must not be empty</source>
        <translation>darf nicht leer sein</translation>
    </message>
    <message>
        <location line="+398"/>
        <source>the delivery log (attempts)</source>
        <translation>das Zustellprotokoll (Versuche)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>resending events</source>
        <translation>das erneute Senden von Ereignissen</translation>
    </message>
</context>
<context>
    <name>wa::ServerPanel</name>
    <message>
        <location filename="../../ui/serverpanel.cpp" line="+31"/>
        <source>Serve on 127.0.0.1</source>
        <translation>Auf 127.0.0.1 bereitstellen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Copy the token</source>
        <translation>Token kopieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the curl command</source>
        <translation>curl-Befehl kopieren</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Expose the local service&apos;s REST API on this computer only, for curl, scripts and API clients</source>
        <translation>Die REST-API des lokalen Dienstes nur auf diesem Computer bereitstellen, für curl, Skripte und API-Clients</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Any free port</source>
        <translation>Beliebiger freier Port</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port on 127.0.0.1 to serve on; it is kept for this profile</source>
        <translation>Port auf 127.0.0.1 für die Bereitstellung; er wird für dieses Profil gespeichert</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>URL:</source>
        <translation>URL:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The token is masked here; the copy carries the real one</source>
        <translation>Das Token ist hier maskiert; die Kopie enthält das echte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Try it:</source>
        <translation>Ausprobieren:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>token</source>
        <translation>Token</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>curl command</source>
        <translation>curl-Befehl</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Could not serve: %1</source>
        <translation>Bereitstellung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Serving the REST API is a feature of the local profile.</source>
        <translation>Die Bereitstellung der REST-API ist eine Funktion des lokalen Profils.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not serving. Turn it on to reach this local service with curl, scripts or the Python client.</source>
        <translation>Nicht bereitgestellt. Schalten Sie die Bereitstellung ein, um diesen lokalen Dienst mit curl, Skripten oder dem Python-Client zu erreichen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Serving on %1 (this computer only).</source>
        <translation>Bereitgestellt unter %1 (nur auf diesem Computer).</translation>
    </message>
</context>
<context>
    <name>wa::ShortcutsDialog</name>
    <message>
        <location filename="../../ui/shortcutsdialog.cpp" line="+15"/>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Clear the filter text (in the filter box)</source>
        <translation>Filtertext leeren (im Filterfeld)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter, double click</source>
        <translation>Enter, Doppelklick</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit the selected config&apos;s URL</source>
        <translation>URL der ausgewählten Konfiguration bearbeiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Menu key, right click</source>
        <translation>Menütaste, Rechtsklick</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The selected config&apos;s actions</source>
        <translation>Aktionen für die ausgewählte Konfiguration</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
</context>
<context>
    <name>wa::Signature</name>
    <message>
        <location filename="../../core/signing/signature.cpp" line="+79"/>
        <source>The signature header is empty.</source>
        <translation>Der Signatur-Header ist leer.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The signature header has a part without a key=value form: &quot;%1&quot;.</source>
        <translation>Der Signatur-Header hat einen Teil ohne die Form Schlüssel=Wert: &quot;%1&quot;.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The signature header has no timestamp (t=...).</source>
        <translation>Der Signatur-Header hat keinen Zeitstempel (t=...).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The signature timestamp is not an integer of Unix seconds: &quot;%1&quot;.</source>
        <translation>Der Zeitstempel der Signatur ist keine ganze Zahl von Unix-Sekunden: &quot;%1&quot;.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The signature header has no signature (s=...).</source>
        <translation>Der Signatur-Header hat keine Signatur (s=...).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The signature (s=...) is empty.</source>
        <translation>Die Signatur (s=...) ist leer.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The signature (s=...) is not base64.</source>
        <translation>Die Signatur (s=...) ist kein Base64.</translation>
    </message>
</context>
<context>
    <name>wa::SignatureDialog</name>
    <message>
        <location filename="../../ui/signaturedialog.cpp" line="+33"/>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verify This</source>
        <translation>Diesen prüfen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Signature Tools</source>
        <translation>Signaturwerkzeuge</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The config&apos;s secret</source>
        <translation>Das Secret der Konfiguration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The request body, byte for byte</source>
        <translation>Der Body der Anfrage, Byte für Byte</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unix seconds</source>
        <translation>Unix-Sekunden</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Put this header in the verification below</source>
        <translation>Diesen Header unten in die Prüfung übernehmen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Secret:</source>
        <translation>&amp;Secret:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Body:</source>
        <translation>&amp;Body:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign</source>
        <translation>Signieren</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Timestamp:</source>
        <translation>&amp;Zeitstempel:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Header:</source>
        <translation>Header:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verify</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Header:</source>
        <translation>&amp;Header:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Window:</source>
        <translation>Zeit&amp;fenster:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verdict:</source>
        <translation>Prüfergebnis:</translation>
    </message>
    <message numerus="yes">
        <location line="+46"/>
        <source>The body holds bytes the editor cannot show as they are (not UTF-8, or carriage returns): the exact %n byte(s) received are used until you edit it.</source>
        <translation>
            <numerusform>Der Body enthält Bytes, die der Editor nicht unverändert anzeigen kann (kein UTF-8 oder Wagenrückläufe): Bis Sie ihn bearbeiten, wird genau das %n empfangene Byte verwendet.</numerusform>
            <numerusform>Der Body enthält Bytes, die der Editor nicht unverändert anzeigen kann (kein UTF-8 oder Wagenrückläufe): Bis Sie ihn bearbeiten, werden genau die %n empfangenen Bytes verwendet.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Enter the secret to sign</source>
        <translation>Geben Sie zum Signieren das Secret ein</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter a timestamp</source>
        <translation>Geben Sie einen Zeitstempel ein</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Enter the secret to verify a header.</source>
        <translation>Geben Sie das Secret ein, um einen Header zu prüfen.</translation>
    </message>
</context>
<context>
    <name>wa::SqliteEngine</name>
    <message>
        <location filename="../../core/local/sqliteengine.cpp" line="+30"/>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot create %1: %2.</source>
        <translation>%1 kann nicht angelegt werden: %2.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The Qt SQLite driver is not available.</source>
        <translation>Der SQLite-Treiber von Qt ist nicht verfügbar.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot open the database %1: %2.</source>
        <translation>Die Datenbank %1 kann nicht geöffnet werden: %2.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cannot set up the database %1.</source>
        <translation>Die Datenbank %1 kann nicht eingerichtet werden.</translation>
    </message>
</context>
<context>
    <name>wa::StatusBarController</name>
    <message>
        <location filename="../../ui/statusbarcontroller.cpp" line="+44"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Profile: %1 · embedded service · %2</source>
        <translation>Profil: %1 · eingebetteter Dienst · %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profile: %1 · remote API · %2</source>
        <translation>Profil: %1 · Remote-API · %2</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>No valid webhook config: this organisation cannot be used</source>
        <translation>Keine gültige Webhook-Konfiguration: Diese Organisation ist nicht nutzbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test a config until it passes, or create one that points at a working receiver.</source>
        <translation>Testen Sie eine Konfiguration, bis sie besteht, oder erstellen Sie eine, die auf einen funktionierenden Empfänger zeigt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No default webhook config</source>
        <translation>Keine Standard-Webhook-Konfiguration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keys without a config of their own get no events. Select a valid config and choose Set as Organisation Default.</source>
        <translation>API-Schlüssel ohne eigene Konfiguration erhalten keine Ereignisse. Wählen Sie eine gültige Konfiguration aus und dann „Als Standard der Organisation festlegen“.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The default webhook config is not valid</source>
        <translation>Die Standard-Webhook-Konfiguration ist nicht gültig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keys without a config of their own get no events until it passes its test.</source>
        <translation>API-Schlüssel ohne eigene Konfiguration erhalten keine Ereignisse, bis sie ihren Test besteht.</translation>
    </message>
</context>
<context>
    <name>wa::Store</name>
    <message>
        <location filename="../../core/local/store.cpp" line="+73"/>
        <source>The service&apos;s database cannot be reached; try again shortly.</source>
        <translation>Die Datenbank des Dienstes ist nicht erreichbar; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The service&apos;s database failed while %1; the details are in the service&apos;s log.</source>
        <translation>Die Datenbank des Dienstes ist %1 fehlgeschlagen; die Einzelheiten stehen im Protokoll des Dienstes.</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>creating schema_version</source>
        <translation>beim Anlegen von schema_version</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The database %1 has schema version %2; this build knows up to %3: use a newer webhook-admin.</source>
        <translation>Die Datenbank %1 hat die Schemaversion %2; dieser Build kennt Versionen bis %3: Verwenden Sie ein neueres webhook-admin.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>migrating to version %1</source>
        <translation>bei der Migration auf Version %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The service&apos;s database is not open.</source>
        <translation>Die Datenbank des Dienstes ist nicht geöffnet.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>preparing a statement</source>
        <translation>beim Vorbereiten einer Anweisung</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>running a statement</source>
        <translation>beim Ausführen einer Anweisung</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>A transaction is already open.</source>
        <translation>Es ist bereits eine Transaktion offen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>starting a transaction</source>
        <translation>beim Starten einer Transaktion</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>committing</source>
        <translation>beim Commit</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>The organisation %1 is gone.</source>
        <translation>Die Organisation %1 existiert nicht mehr.</translation>
    </message>
</context>
<context>
    <name>wa::TargetPolicy</name>
    <message>
        <location filename="../../core/local/targetpolicy.cpp" line="+41"/>
        <source>points at a loopback, link-local or private address, which this service refuses (it is reachable beyond loopback; start it with --allow-private-targets to allow them)</source>
        <translation>sie verweist auf eine Loopback-, Link-Local- oder private Adresse, die dieser Dienst ablehnt (er ist über Loopback hinaus erreichbar; starten Sie ihn mit --allow-private-targets, um solche Adressen zu erlauben)</translation>
    </message>
</context>
<context>
    <name>wa::TaskWorker</name>
    <message>
        <location filename="../../core/local/taskworker.cpp" line="+269"/>
        <source>No event with id %1.</source>
        <translation>Kein Ereignis mit der ID %1.</translation>
    </message>
</context>
<context>
    <name>wa::TestOutcome</name>
    <message>
        <location filename="../../core/domain/testoutcome.cpp" line="+34"/>
        <source>connection refused or host not found</source>
        <translation>Verbindung abgelehnt oder Host nicht gefunden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no answer within 10 s</source>
        <translation>keine Antwort innerhalb von 10 s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TLS certificate or handshake failure</source>
        <translation>Fehler bei TLS-Zertifikat oder -Handshake</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>redirect (not followed)</source>
        <translation>Weiterleitung (nicht gefolgt)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rejected by the receiver</source>
        <translation>vom Empfänger abgelehnt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>HTTP %1, %2 ms</source>
        <translation>HTTP %1, %2 ms</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>host not found</source>
        <translation>Host nicht gefunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connection refused</source>
        <translation>Verbindung abgelehnt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>HTTP %1 from receiver</source>
        <translation>HTTP %1 vom Empfänger</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>HTTP %1 redirect (not followed)</source>
        <translation>HTTP %1, Weiterleitung (nicht gefolgt)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TLS: %1</source>
        <translation>TLS: %1</translation>
    </message>
</context>
<context>
    <name>wa::TestStatus</name>
    <message>
        <location filename="../../ui/teststatus.cpp" line="+28"/>
        <source>not tested</source>
        <translation>nicht getestet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>testing…</source>
        <translation>wird getestet…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>valid</source>
        <translation>gültig</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>valid · %1</source>
        <translation>gültig · %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>invalid</source>
        <translation>ungültig</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>invalid · %1</source>
        <translation>ungültig · %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Not tested yet.</source>
        <translation>Noch nicht getestet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Testing since %1…</source>
        <translation>Test läuft seit %1…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Testing…</source>
        <translation>Test läuft…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Passed</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Passed: %1</source>
        <translation>Bestanden: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>wa::TokenStore</name>
    <message>
        <location filename="../../core/profiles/tokenstore.cpp" line="+35"/>
        <source>Could not write the token file %1: %2.</source>
        <translation>Die Token-Datei %1 konnte nicht geschrieben werden: %2.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Could not read the token file %1: %2.</source>
        <translation>Die Token-Datei %1 konnte nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Could not create the folder of the token file %1: %2.</source>
        <translation>Der Ordner der Token-Datei %1 konnte nicht angelegt werden: %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>permission denied</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Could not replace the token file %1: %2.</source>
        <translation>Die Token-Datei %1 konnte nicht ersetzt werden: %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>rename failed</source>
        <translation>Umbenennen fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>the keychain is turned off</source>
        <translation>der Schlüsselbund ist ausgeschaltet</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The OS keychain is not available (%1): API tokens are kept in %2, readable only by you.</source>
        <translation>Der Schlüsselbund des Systems ist nicht verfügbar (%1): API-Tokens werden in %2 gespeichert, nur für Sie lesbar.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unknown error</source>
        <translation>unbekannter Fehler</translation>
    </message>
</context>
<context>
    <name>wa::UrlRule</name>
    <message>
        <location filename="../../core/domain/urlrule.cpp" line="+10"/>
        <source>must not be empty</source>
        <translation>darf nicht leer sein</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>must be at most %1 characters (it has %2)</source>
        <translation>darf höchstens %1 Zeichen lang sein (sie hat %2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>must not start or end with spaces</source>
        <translation>darf nicht mit Leerzeichen beginnen oder enden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>is not a valid URL (%1)</source>
        <translation>ist keine gültige URL (%1)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>must start with http:// or https://</source>
        <translation>muss mit http:// oder https:// beginnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must use http or https, not %1</source>
        <translation>muss http oder https verwenden, nicht %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>must name a host (http://host/path)</source>
        <translation>muss einen Host nennen (http://host/pfad)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>must not carry a user name or password</source>
        <translation>darf keinen Benutzernamen und kein Passwort enthalten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must not have a #fragment</source>
        <translation>darf kein #Fragment haben</translation>
    </message>
</context>
<context>
    <name>wa::whenFinished</name>
    <message>
        <location filename="../../core/bulk/whenfinished.h" line="+26"/>
        <source>The service stopped before it answered.</source>
        <translation>Der Dienst wurde beendet, bevor er geantwortet hat.</translation>
    </message>
</context>
</TS>
