<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>AccountDialogs</name>
        <message>
            <location filename="../../acrel_console/ui/cashier/account_dialogs.py" line="+47" />
            <source>{meter}: balance kept by the console</source>
            <translation>{meter}: balance kept by the console</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{meter}: never read; opened without a reading</source>
            <translation>{meter}: never read; opened without a reading</translation>
        </message>
        <message>
            <location line="+4" />
            <source>{meter}: {amount} yuan, nothing to decide (read {at})</source>
            <translation>{meter}: {amount} yuan, nothing to decide (read {at})</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{meter}: holds {amount} yuan this console did not sell (read {at}, purchase count {count})</source>
            <translation>{meter}: holds {amount} yuan this console did not sell (read {at}, purchase count {count})</translation>
        </message>
        <message>
            <location line="+4" />
            <source>reading too old: refresh the meter first</source>
            <translation>reading too old: refresh the meter first</translation>
        </message>
    </context>
    <context>
        <name>AccountsPage</name>
        <message>
            <location filename="../../acrel_console/ui/pages/__init__.py" line="+46" />
            <location filename="../../acrel_console/ui/pages/accounts_page.py" line="+73" />
            <location line="+7" />
            <source>Accounts</source>
            <translation>Accounts</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/pages/accounts_page.py" line="-5" />
            <source>Tariffs</source>
            <translation>Tariffs</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Open an account</source>
            <translation>Open an account</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Name, room, phone, account no. or meter</source>
            <translation>Name, room, phone, account no. or meter</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Show closed</source>
            <translation>Show closed</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Open account…</source>
            <translation>Open account…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Add meter…</source>
            <translation>Add meter…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remove meter…</source>
            <translation>Remove meter…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Replace meter…</source>
            <translation>Replace meter…</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+240" />
            <source>Close account…</source>
            <translation>Close account…</translation>
        </message>
        <message>
            <location line="-239" />
            <source>Set portal PIN…</source>
            <translation>Set portal PIN…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Set or reset the chosen tenant's PIN for the self-service page and print the PIN slip</source>
            <translation>Set or reset the chosen tenant's PIN for the self-service page and print the PIN slip</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Account no.</source>
            <translation>Account no.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tenant</source>
            <translation>Tenant</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+17" />
            <source>Shop/room</source>
            <translation>Shop/room</translation>
        </message>
        <message>
            <location line="-16" />
            <source>Phone</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meters</source>
            <translation>Meters</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Opened</source>
            <translation>Opened</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Opened by</source>
            <translation>Opened by</translation>
        </message>
        <message>
            <location line="+1" />
            <source>State</source>
            <translation>State</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Account list</source>
            <translation>Account list</translation>
        </message>
        <message>
            <location line="+0" />
            <source>accounts</source>
            <translation>accounts</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Accounts found</source>
            <translation>Accounts found</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save every account the search finds (all pages) as an Excel workbook</source>
            <translation>Save every account the search finds (all pages) as an Excel workbook</translation>
        </message>
        <message>
            <location line="+66" />
            <source>Closed</source>
            <translation>Closed</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Stuck: a meter refused</source>
            <translation>Stuck: a meter refused</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Closing</source>
            <translation>Closing</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Open</source>
            <translation>Open</translation>
        </message>
        <message>
            <location line="+69" />
            <source>Search</source>
            <translation>Search</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Closed accounts</source>
            <translation>Closed accounts</translation>
        </message>
        <message>
            <location line="+0" />
            <source>shown</source>
            <translation>shown</translation>
        </message>
        <message>
            <location line="+65" />
            <source>Resume closing…</source>
            <translation>Resume closing…</translation>
        </message>
        <message>
            <location line="+76" />
            <source>Settling with the meters: {out} yuan still to come back…</source>
            <translation>Settling with the meters: {out} yuan still to come back…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Settled: {paid} yuan paid out, {moved} yuan moved.</source>
            <translation>Settled: {paid} yuan paid out, {moved} yuan moved.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stuck: a meter refused {refused} yuan; nothing was paid for it. Resume or settle it by a claim.</source>
            <translation>Stuck: a meter refused {refused} yuan; nothing was paid for it. Resume or settle it by a claim.</translation>
        </message>
        <message>
            <location line="-279" />
            <source>Meter no.</source>
            <translation>Meter no.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Model</source>
            <translation>Model</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remaining (last read)</source>
            <translation>Remaining (last read)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ledger balance</source>
            <translation>Ledger balance</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Purchases</source>
            <translation>Purchases</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Pending deliveries</source>
            <translation>Pending deliveries</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Total purchased</source>
            <translation>Total purchased</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Previous page</source>
            <translation>Previous page</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Next page</source>
            <translation>Next page</translation>
        </message>
        <message>
            <location line="+35" />
            <source>Open, settling a meter</source>
            <translation>Open, settling a meter</translation>
        </message>
        <message>
            <location line="+44" />
            <source>{first}–{last} of {total}</source>
            <translation>{first}–{last} of {total}</translation>
        </message>
        <message>
            <location line="+73" />
            <source>closed {at}</source>
            <translation>closed {at}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{name} · account {no} · {room} · {phone} · {state}</source>
            <translation>{name} · account {no} · {room} · {phone} · {state}</translation>
        </message>
    </context>
    <context>
        <name>AcknowledgeDialog</name>
        <message>
            <location filename="../../acrel_console/ui/alarms/ack_dialog.py" line="+32" />
            <source>Acknowledge alarm</source>
            <translation>Acknowledge alarm</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Alarm</source>
            <translation>Alarm</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Room / gateway</source>
            <translation>Room / gateway</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Message</source>
            <translation>Message</translation>
        </message>
        <message>
            <location line="+4" />
            <source>What was done, e.g. tenant called</source>
            <translation>What was done, e.g. tenant called</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Comment</source>
            <translation>Comment</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Acknowledge</source>
            <translation>Acknowledge</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>AddMeterDialog</name>
        <message>
            <location filename="../../acrel_console/ui/cashier/account_dialogs.py" line="+164" />
            <source>Add meter to {name}</source>
            <translation>Add meter to {name}</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Meter</source>
            <translation>Meter</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Credit already on the meter</source>
            <translation>Credit already on the meter</translation>
        </message>
    </context>
    <context>
        <name>AddOperatorDialog</name>
        <message>
            <location filename="../../acrel_console/ui/operator_dialogs.py" line="+41" />
            <source>Add operator</source>
            <translation>Add operator</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Login name</source>
            <translation>Login name</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Full name</source>
            <translation>Full name</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Role</source>
            <translation>Role</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Password</source>
            <translation>Password</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Password again</source>
            <translation>Password again</translation>
        </message>
    </context>
    <context>
        <name>AlarmFlash</name>
        <message>
            <location filename="../../acrel_console/ui/alarms/notifier.py" line="+129" />
            <source>New alarm: {kind} — {message}</source>
            <translation>New alarm: {kind} — {message}</translation>
        </message>
    </context>
    <context>
        <name>AlarmTableModel</name>
        <message>
            <location filename="../../acrel_console/ui/alarms/alarm_model.py" line="+28" />
            <source>Severity</source>
            <translation>Severity</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Alarm</source>
            <translation>Alarm</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Room / gateway</source>
            <translation>Room / gateway</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Message</source>
            <translation>Message</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Raised at</source>
            <translation>Raised at</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cleared at</source>
            <translation>Cleared at</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Acknowledged by</source>
            <translation>Acknowledged by</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Acknowledged at</source>
            <translation>Acknowledged at</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Comment</source>
            <translation>Comment</translation>
        </message>
        <message>
            <location line="+57" />
            <source>{name} at {time}</source>
            <translation>{name} at {time}</translation>
        </message>
    </context>
    <context>
        <name>AlarmsPage</name>
        <message>
            <location filename="../../acrel_console/ui/pages/alarms_page.py" line="+82" />
            <source>Acknowledge…</source>
            <translation>Acknowledge…</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Your role may not acknowledge alarms.</source>
            <translation>Your role may not acknowledge alarms.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Clear the meter again</source>
            <translation>Clear the meter again</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The meter refused to give up the previous system's credit when its account was opened: ask it again (read back as before)</source>
            <translation>The meter refused to give up the previous system's credit when its account was opened: ask it again (read back as before)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Refresh</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+13" />
            <source>Active alarms</source>
            <translation>Active alarms</translation>
        </message>
        <message>
            <location line="-13" />
            <source>active-alarms</source>
            <translation>active-alarms</translation>
        </message>
        <message>
            <location line="+27" />
            <source>Query</source>
            <translation>Query</translation>
        </message>
        <message>
            <location line="+5" />
            <source>From</source>
            <translation>From</translation>
        </message>
        <message>
            <location line="+2" />
            <source>to</source>
            <translation>to</translation>
        </message>
        <message>
            <location line="+5" />
            <location line="+8" />
            <source>Alarm history</source>
            <translation>Alarm history</translation>
        </message>
        <message>
            <location line="-8" />
            <source>alarm-history</source>
            <translation>alarm-history</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Online payment cases</source>
            <translation>Online payment cases</translation>
        </message>
        <message>
            <location line="+165" />
            <source>{room}: clearing {amount} yuan again; the meter is asked now.</source>
            <translation>{room}: clearing {amount} yuan again; the meter is asked now.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/pages/__init__.py" line="+4" />
            <location filename="../../acrel_console/ui/pages/alarms_page.py" line="-141" />
            <source>Alarms</source>
            <translation>Alarms</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/pages/alarms_page.py" line="+50" />
            <source>{count} active alarms, {open} not acknowledged</source>
            <translation>{count} active alarms, {open} not acknowledged</translation>
        </message>
        <message>
            <location line="+13" />
            <source>The period ends before it starts.</source>
            <translation>The period ends before it starts.</translation>
        </message>
        <message>
            <location line="+17" />
            <source>{count} alarms</source>
            <translation>{count} alarms</translation>
        </message>
    </context>
    <context>
        <name>ApprovalBox</name>
        <message>
            <location filename="../../acrel_console/ui/cashier/approval_box.py" line="+24" />
            <source>A supervisor signs in here to approve</source>
            <translation>A supervisor signs in here to approve</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Why the meter cannot be read, what the figure rests on</source>
            <translation>Why the meter cannot be read, what the figure rests on</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Supervisor</source>
            <translation>Supervisor</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Supervisor password</source>
            <translation>Supervisor password</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reason for the claim</source>
            <translation>Reason for the claim</translation>
        </message>
    </context>
    <context>
        <name>AssignTariffDialog</name>
        <message>
            <location filename="../../acrel_console/ui/cashier/tariff_dialogs.py" line="+192" />
            <source>Assign tariff</source>
            <translation>Assign tariff</translation>
        </message>
        <message>
            <location line="+8" />
            <source>{no} · {room} · {model}</source>
            <translation>{no} · {room} · {model}</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Download the prices (and a TOU tariff's day-period schedule) to meters that hold their balance</source>
            <translation>Download the prices (and a TOU tariff's day-period schedule) to meters that hold their balance</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Tariff</source>
            <translation>Tariff</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meters (Space ticks)</source>
            <translation>Meters (Space ticks)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Effective from</source>
            <translation>Effective from</translation>
        </message>
    </context>
    <context>
        <name>AuditLogPanel</name>
        <message>
            <location filename="../../acrel_console/ui/audit_log_panel.py" line="+27" />
            <source>a row before it was deleted or reordered</source>
            <translation>a row before it was deleted or reordered</translation>
        </message>
        <message>
            <location line="+1" />
            <source>its content was changed</source>
            <translation>its content was changed</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Meter {text}</source>
            <translation>Meter {text}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delivery to meter {text}</source>
            <translation>Delivery to meter {text}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Command to meter {text}</source>
            <translation>Command to meter {text}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Account {text}</source>
            <translation>Account {text}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Batch of {text} meters</source>
            <translation>Batch of {text} meters</translation>
        </message>
        <message>
            <location line="+5" />
            <source>the site</source>
            <translation>the site</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the database</source>
            <translation>the database</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the backup</source>
            <translation>the backup</translation>
        </message>
        <message>
            <location line="+62" />
            <location line="+111" />
            <source>From</source>
            <translation>From</translation>
        </message>
        <message>
            <location line="-104" />
            <source>Search</source>
            <translation>Search</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Verify chain</source>
            <translation>Verify chain</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Export…</source>
            <translation>Export…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Write the rows shown to an Excel file.</source>
            <translation>Write the rows shown to an Excel file.</translation>
        </message>
        <message>
            <location line="+4" />
            <location line="+16" />
            <location line="+79" />
            <source>Operator</source>
            <translation>Operator</translation>
        </message>
        <message>
            <location line="-93" />
            <location line="+15" />
            <location line="+79" />
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <location line="-90" />
            <source>to</source>
            <translation>to</translation>
        </message>
        <message>
            <location line="+8" />
            <source>No.</source>
            <translation>No.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Time</source>
            <translation>Time</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Target</source>
            <translation>Target</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location line="+22" />
            <location line="+120" />
            <source>Before</source>
            <translation>Before</translation>
        </message>
        <message>
            <location line="-120" />
            <source>Changes</source>
            <translation>Changes</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+120" />
            <source>After</source>
            <translation>After</translation>
        </message>
        <message>
            <location line="-83" />
            <source>(all)</source>
            <translation>(all)</translation>
        </message>
        <message>
            <location line="+32" />
            <source>Showing the newest {n} rows; narrow the filter to see older ones.</source>
            <translation>Showing the newest {n} rows; narrow the filter to see older ones.</translation>
        </message>
        <message>
            <location line="+23" />
            <source>The operation log is intact: {n} rows checked.</source>
            <translation>The operation log is intact: {n} rows checked.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The operation log is broken at row {id}: {reason}.</source>
            <translation>The operation log is broken at row {id}: {reason}.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Export the operation log</source>
            <translation>Export the operation log</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Operation log</source>
            <translation>Operation log</translation>
        </message>
        <message>
            <location line="+10" />
            <source>{n} rows written to {path}.</source>
            <translation>{n} rows written to {path}.</translation>
        </message>
    </context>
    <context>
        <name>BatchDialog</name>
        <message>
            <location filename="../../acrel_console/ui/meters/batch_dialog.py" line="+141" />
            <source>Command results</source>
            <translation>Command results</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Cancel pending</source>
            <translation>Cancel pending</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Resend failed</source>
            <translation>Resend failed</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <location line="+46" />
            <source>{done} of {total} done: {ok} confirmed, {failed} failed, {cancelled} cancelled</source>
            <translation>{done} of {total} done: {ok} confirmed, {failed} failed, {cancelled} cancelled</translation>
        </message>
        <message>
            <location line="+20" />
            <source>cancelled in the batch dialog</source>
            <translation>cancelled in the batch dialog</translation>
        </message>
        <message>
            <location line="+12" />
            <source>resent from the batch dialog</source>
            <translation>resent from the batch dialog</translation>
        </message>
    </context>
    <context>
        <name>BrokenPage</name>
        <message>
            <location filename="../../acrel_console/ui/pages/base.py" line="+75" />
            <source>This page could not be loaded: {error}</source>
            <translation>This page could not be loaded: {error}</translation>
        </message>
    </context>
    <context>
        <name>BuildingDialog</name>
        <message>
            <location filename="../../acrel_console/ui/building_dialog.py" line="+32" />
            <source>Edit building</source>
            <translation>Edit building</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Add building</source>
            <translation>Add building</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Building name</source>
            <translation>Building name</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Floor</source>
            <translation>Floor</translation>
        </message>
        <message>
            <location line="+0" />
            <source>For example 1-5 or B1</source>
            <translation>For example 1-5 or B1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Area</source>
            <translation>Area</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Zone or wing, free text</source>
            <translation>Zone or wing, free text</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Notes</source>
            <translation>Notes</translation>
        </message>
    </context>
    <context>
        <name>BusHealth</name>
        <message>
            <location filename="../../acrel_console/ui/meters/bus_health_panel.py" line="+21" />
            <source>{s} s</source>
            <translation>{s} s</translation>
        </message>
        <message>
            <location line="+6" />
            <source>never swept</source>
            <translation>never swept</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{duration} at {time}</source>
            <translation>{duration} at {time}</translation>
        </message>
        <message>
            <location line="+7" />
            <source>not swept yet</source>
            <translation>not swept yet</translation>
        </message>
        <message>
            <location line="+2" />
            <source>unreachable</source>
            <translation>unreachable</translation>
        </message>
        <message>
            <location line="+2" />
            <source>no meter answers</source>
            <translation>no meter answers</translation>
        </message>
        <message>
            <location line="+1" />
            <source>reachable</source>
            <translation>reachable</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Gateway {name}: {state}</source>
            <translation>Gateway {name}: {state}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Last sweep: {sweep}</source>
            <translation>Last sweep: {sweep}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Requests {requests} · timeouts {timeouts} · CRC errors {crc} · reconnects {reconnects}</source>
            <translation>Requests {requests} · timeouts {timeouts} · CRC errors {crc} · reconnects {reconnects}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Meters online: {online} of {total}</source>
            <translation>Meters online: {online} of {total}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Last error: {error}</source>
            <translation>Last error: {error}</translation>
        </message>
    </context>
    <context>
        <name>BusHealthPanel</name>
        <message>
            <location line="+12" />
            <location line="+21" />
            <source>Bus health</source>
            <translation>Bus health</translation>
        </message>
        <message>
            <location line="-18" />
            <source>State</source>
            <translation>State</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Last sweep</source>
            <translation>Last sweep</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Requests</source>
            <translation>Requests</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Timeouts</source>
            <translation>Timeouts</translation>
        </message>
        <message>
            <location line="+0" />
            <source>CRC errors</source>
            <translation>CRC errors</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reconnects</source>
            <translation>Reconnects</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Meters online</source>
            <translation>Meters online</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Last error</source>
            <translation>Last error</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Bus health: {gateway}</source>
            <translation>Bus health: {gateway}</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Bus health: {n} gateways</source>
            <translation>Bus health: {n} gateways</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{n} unreachable</source>
            <translation>{n} unreachable</translation>
        </message>
        <message>
            <location line="+0" />
            <source>all reachable</source>
            <translation>all reachable</translation>
        </message>
        <message>
            <location line="+2" />
            <source>slowest {duration}</source>
            <translation>slowest {duration}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>never swept</source>
            <translation>never swept</translation>
        </message>
        <message>
            <location line="+7" />
            <source>{online} of {total}</source>
            <translation>{online} of {total}</translation>
        </message>
    </context>
    <context>
        <name>CashierPage</name>
        <message>
            <location filename="../../acrel_console/ui/pages/cashier_page.py" line="+89" />
            <source>Sell</source>
            <translation>Sell</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refund</source>
            <translation>Refund</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reverse a sale</source>
            <translation>Reverse a sale</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Find the tenant</source>
            <translation>Find the tenant</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refresh meter status</source>
            <translation>Refresh meter status</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reprint the last receipt</source>
            <translation>Reprint the last receipt</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Close my shift</source>
            <translation>Close my shift</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Your role may not sell, refund or reverse.</source>
            <translation>Your role may not sell, refund or reverse.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/pages/__init__.py" line="-3" />
            <location filename="../../acrel_console/ui/pages/cashier_page.py" line="+3" />
            <source>Cashier</source>
            <translation>Cashier</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/pages/cashier_page.py" line="+106" />
            <source>Slip {no} printed ({where}).</source>
            <translation>Slip {no} printed ({where}).</translation>
        </message>
    </context>
    <context>
        <name>ChangeOwnPasswordDialog</name>
        <message>
            <location filename="../../acrel_console/ui/operator_dialogs.py" line="+56" />
            <source>Change my password</source>
            <translation>Change my password</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Current password</source>
            <translation>Current password</translation>
        </message>
        <message>
            <location line="+1" />
            <source>New password</source>
            <translation>New password</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Password again</source>
            <translation>Password again</translation>
        </message>
    </context>
    <context>
        <name>ConflictDialog</name>
        <message>
            <location filename="../../acrel_console/ui/cashier/conflict_dialog.py" line="+25" />
            <source>Delivery conflict</source>
            <translation>Delivery conflict</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The meter's purchase count is not what this delivery of {amount} yuan expected ({error}). Nothing is resent automatically. Check the meter (its remaining amount and purchase count), then say what you found.</source>
            <translation>The meter's purchase count is not what this delivery of {amount} yuan expected ({error}). Nothing is resent automatically. Check the meter (its remaining amount and purchase count), then say what you found.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>What you checked</source>
            <translation>What you checked</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Credit is on the meter: confirm</source>
            <translation>Credit is on the meter: confirm</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Credit is not on the meter: deliver again</source>
            <translation>Credit is not on the meter: deliver again</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>ControlDialog</name>
        <message>
            <location filename="../../acrel_console/ui/meters/control_dialog.py" line="+70" />
            <source>{action}: {n} meter(s)</source>
            <translation>{action}: {n} meter(s)</translation>
        </message>
        <message>
            <location line="+14" />
            <source>This changes the power supply of the tenants concerned.</source>
            <translation>This changes the power supply of the tenants concerned.</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Why (written to the operation log)</source>
            <translation>Why (written to the operation log)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Send</source>
            <translation>Send</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>CrudTable</name>
        <message>
            <location filename="../../acrel_console/ui/crud_table.py" line="+52" />
            <source>Add…</source>
            <translation>Add…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Edit…</source>
            <translation>Edit…</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+97" />
            <source>Delete</source>
            <translation>Delete</translation>
        </message>
        <message>
            <location line="-96" />
            <source>Refresh</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Search…</source>
            <translation>Search…</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Your role may not change the site configuration.</source>
            <translation>Your role may not change the site configuration.</translation>
        </message>
        <message>
            <location line="+27" />
            <source>Search</source>
            <translation>Search</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Rows: {n}</source>
            <translation>Rows: {n}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rows: {shown} of {n}</source>
            <translation>Rows: {shown} of {n}</translation>
        </message>
        <message>
            <location line="+33" />
            <source>Delete {name}?</source>
            <translation>Delete {name}?</translation>
        </message>
    </context>
    <context>
        <name>DashboardPage</name>
        <message>
            <location filename="../../acrel_console/ui/pages/dashboard_page.py" line="+98" />
            <source>Meters</source>
            <translation>Meters</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unopened</source>
            <translation>Unopened</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Offline</source>
            <translation>Offline</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Relay closed</source>
            <translation>Relay closed</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Relay open</source>
            <translation>Relay open</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Forced mode</source>
            <translation>Forced mode</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Prepaid mode</source>
            <translation>Prepaid mode</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Energy yesterday</source>
            <translation>Energy yesterday</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Energy today</source>
            <translation>Energy today</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Shortcuts</source>
            <translation>Shortcuts</translation>
        </message>
        <message>
            <location line="+2" />
            <source>New sale</source>
            <translation>New sale</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Open account</source>
            <translation>Open account</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter batch operations</source>
            <translation>Meter batch operations</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Energy report</source>
            <translation>Energy report</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Live alarms</source>
            <translation>Live alarms</translation>
        </message>
        <message>
            <location line="+1" />
            <source>All alarms…</source>
            <translation>All alarms…</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Offline meters</source>
            <translation>Offline meters</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Offline gateways</source>
            <translation>Offline gateways</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/pages/__init__.py" line="-3" />
            <location filename="../../acrel_console/ui/pages/dashboard_page.py" line="+36" />
            <source>Dashboard</source>
            <translation>Dashboard</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/pages/dashboard_page.py" line="+49" />
            <source>of {total}</source>
            <translation>of {total}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>until {time}</source>
            <translation>until {time}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Live alarms ({count})</source>
            <translation>Live alarms ({count})</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Offline meters ({count})</source>
            <translation>Offline meters ({count})</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Offline gateways ({count})</source>
            <translation>Offline gateways ({count})</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Updated {time}</source>
            <translation>Updated {time}</translation>
        </message>
    </context>
    <context>
        <name>DecisionDialog</name>
        <message>
            <location filename="../../acrel_console/ui/payment_cases_panel.py" line="+94" />
            <source>Refund the payment</source>
            <translation>Refund the payment</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Credit the payment to the meter</source>
            <translation>Credit the payment to the meter</translation>
        </message>
        <message>
            <location line="+5" />
            <source>{paid} yuan paid for an order of {amount} yuan (room {room}). It goes back to the payer through {provider}.</source>
            <translation>{paid} yuan paid for an order of {amount} yuan (room {room}). It goes back to the payer through {provider}.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{paid} yuan paid for an order of {amount} yuan (room {room}). The {paid} yuan actually paid is sold to the meter and delivered the normal way.</source>
            <translation>{paid} yuan paid for an order of {amount} yuan (room {room}). The {paid} yuan actually paid is sold to the meter and delivered the normal way.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refund</source>
            <translation>Refund</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Credit</source>
            <translation>Credit</translation>
        </message>
    </context>
    <context>
        <name>DetailPanel</name>
        <message>
            <location filename="../../acrel_console/ui/meters/detail_panel.py" line="+105" />
            <location line="+34" />
            <source>Select a meter to see its live values.</source>
            <translation>Select a meter to see its live values.</translation>
        </message>
    </context>
    <context>
        <name>ExistingCreditBox</name>
        <message>
            <location filename="../../acrel_console/ui/cashier/account_dialogs.py" line="-153" />
            <source>— choose —</source>
            <translation>— choose —</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Take it over as the tenant's opening balance</source>
            <translation>Take it over as the tenant's opening balance</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Clear it from the meter (zeroed, read back)</source>
            <translation>Clear it from the meter (zeroed, read back)</translation>
        </message>
        <message>
            <location line="+8" />
            <source>No meter ticked.</source>
            <translation>No meter ticked.</translation>
        </message>
    </context>
    <context>
        <name>ExportRunner</name>
        <message>
            <location filename="../../acrel_console/ui/export_runner.py" line="+36" />
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>FirstAdminDialog</name>
        <message>
            <location filename="../../acrel_console/ui/first_admin_dialog.py" line="+24" />
            <source>Acrel Console: first start</source>
            <translation>Acrel Console: first start</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Acrel Console</source>
            <translation>Acrel Console</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No operator exists yet. Create the first administrator; this account then creates the other operators.</source>
            <translation>No operator exists yet. Create the first administrator; this account then creates the other operators.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Login name</source>
            <translation>Login name</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Full name</source>
            <translation>Full name</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Password</source>
            <translation>Password</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Password again</source>
            <translation>Password again</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Create administrator</source>
            <translation>Create administrator</translation>
        </message>
    </context>
    <context>
        <name>FormDialog</name>
        <message>
            <location filename="../../acrel_console/ui/form_dialog.py" line="+86" />
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>GatewayDialog</name>
        <message>
            <location filename="../../acrel_console/ui/gateway_dialog.py" line="+17" />
            <source>Serial port (RS485)</source>
            <translation>Serial port (RS485)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Modbus-TCP</source>
            <translation>Modbus-TCP</translation>
        </message>
        <message>
            <location line="+1" />
            <source>RTU over TCP</source>
            <translation>RTU over TCP</translation>
        </message>
        <message>
            <location line="+3" />
            <source>None (N)</source>
            <translation>None (N)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Even (E)</source>
            <translation>Even (E)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Odd (O)</source>
            <translation>Odd (O)</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Edit gateway</source>
            <translation>Edit gateway</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Add gateway</source>
            <translation>Add gateway</translation>
        </message>
        <message>
            <location line="+9" />
            <source>/dev/ttyUSB0 or COM3</source>
            <translation>/dev/ttyUSB0 or COM3</translation>
        </message>
        <message>
            <location line="+20" />
            <source>(none)</source>
            <translation>(none)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Gateway name</source>
            <translation>Gateway name</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Mode</source>
            <translation>Mode</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Modbus-TCP: unit id = meter address. RTU over TCP: raw RTU frames in a TCP stream.</source>
            <translation>Modbus-TCP: unit id = meter address. RTU over TCP: raw RTU frames in a TCP stream.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Serial port</source>
            <translation>Serial port</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Baud rate</source>
            <translation>Baud rate</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Parity</source>
            <translation>Parity</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stop bits</source>
            <translation>Stop bits</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Host</source>
            <translation>Host</translation>
        </message>
        <message>
            <location line="+0" />
            <source>IP address or host name of the gateway</source>
            <translation>IP address or host name of the gateway</translation>
        </message>
        <message>
            <location line="+1" />
            <source>TCP port</source>
            <translation>TCP port</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Timeout (ms)</source>
            <translation>Timeout (ms)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>How long to wait for a meter's answer (20-10000 ms).</source>
            <translation>How long to wait for a meter's answer (20-10000 ms).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Retries</source>
            <translation>Retries</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Repeats after a timeout (0-5).</source>
            <translation>Repeats after a timeout (0-5).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Inter-frame delay (ms)</source>
            <translation>Inter-frame delay (ms)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Pause between requests on this bus (0-1000 ms).</source>
            <translation>Pause between requests on this bus (0-1000 ms).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The line hears its own requests</source>
            <translation>The line hears its own requests</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Local echo</source>
            <translation>Local echo</translation>
        </message>
        <message>
            <location line="+1" />
            <source>For two-wire RS485 adapters that echo what they send, also only in part. A whole echo is recognised without this setting.</source>
            <translation>For two-wire RS485 adapters that echo what they send, also only in part. A whole echo is recognised without this setting.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Building</source>
            <translation>Building</translation>
        </message>
        <message>
            <location line="+2" />
            <source>(the site's own)</source>
            <translation>(the site's own)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Zone</source>
            <translation>Zone</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Empty: polled by the site's own service. A name (letters, digits, - and _): polled by 'acrel-console serve --zone NAME', one per building or network.</source>
            <translation>Empty: polled by the site's own service. A name (letters, digits, - and _): polled by 'acrel-console serve --zone NAME', one per building or network.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Poll the meters on this gateway</source>
            <translation>Poll the meters on this gateway</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Enabled</source>
            <translation>Enabled</translation>
        </message>
    </context>
    <context>
        <name>HistoryDialog</name>
        <message>
            <location filename="../../acrel_console/ui/meters/history_dialog.py" line="+95" />
            <source>History readings: {meter} ({room})</source>
            <translation>History readings: {meter} ({room})</translation>
        </message>
        <message>
            <location line="+10" />
            <source>From</source>
            <translation>From</translation>
        </message>
        <message>
            <location line="+2" />
            <source>to</source>
            <translation>to</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Query</source>
            <translation>Query</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Export</source>
            <translation>Export</translation>
        </message>
        <message>
            <location line="+54" />
            <source>{shown} of {total} readings</source>
            <translation>{shown} of {total} readings</translation>
        </message>
        <message>
            <location line="+4" />
            <location line="+14" />
            <source>Export history readings</source>
            <translation>Export history readings</translation>
        </message>
        <message>
            <location line="-12" />
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>history</source>
            <translation>history</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Saved to {path}</source>
            <translation>Saved to {path}</translation>
        </message>
    </context>
    <context>
        <name>IntegrityDetails</name>
        <message>
            <location filename="../../acrel_console/ui/integrity_details.py" line="+14" />
            <source>Database</source>
            <translation>Database</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ledger</source>
            <translation>Ledger</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Operation log</source>
            <translation>Operation log</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Operation {ref}: its entries do not add up to zero.</source>
            <translation>Operation {ref}: its entries do not add up to zero.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Operation {ref} has no entries.</source>
            <translation>Operation {ref} has no entries.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delivery {ref} has no ledger operation.</source>
            <translation>Delivery {ref} has no ledger operation.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Operation {ref} was never queued for its meter.</source>
            <translation>Operation {ref} was never queued for its meter.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Meter {ref}: the credit booked and the credit sent to it differ.</source>
            <translation>Meter {ref}: the credit booked and the credit sent to it differ.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Operation {ref} reached its meter twice.</source>
            <translation>Operation {ref} reached its meter twice.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delivery {ref} failed and is not resolved.</source>
            <translation>Delivery {ref} failed and is not resolved.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delivery {ref} is in conflict: an operator decides.</source>
            <translation>Delivery {ref} is in conflict: an operator decides.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter {ref} shows more credit than the ledger gave it (take it over or clear it).</source>
            <translation>Meter {ref} shows more credit than the ledger gave it (take it over or clear it).</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Meter {ref} shows less than the ledger, more than its consumption explains.</source>
            <translation>Meter {ref} shows less than the ledger, more than its consumption explains.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Operation {ref} put credit on a balance without cash, a meter reading or an approved claim.</source>
            <translation>Operation {ref} put credit on a balance without cash, a meter reading or an approved claim.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Operation {ref} reverses another account's sale.</source>
            <translation>Operation {ref} reverses another account's sale.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The operation log is broken at row {ref}.</source>
            <translation>The operation log is broken at row {ref}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The database file is damaged.</source>
            <translation>The database file is damaged.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The database could not be read.</source>
            <translation>The database could not be read.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The ledger check itself failed.</source>
            <translation>The ledger check itself failed.</translation>
        </message>
        <message>
            <location line="+13" />
            <source>{area}: {problem}</source>
            <translation>{area}: {problem}</translation>
        </message>
    </context>
    <context>
        <name>IntegrityDetailsDialog</name>
        <message>
            <location line="+11" />
            <source>Integrity check</source>
            <translation>Integrity check</translation>
        </message>
        <message>
            <location line="+18" />
            <source>(more problems not listed)</source>
            <translation>(more problems not listed)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Copy details</source>
            <translation>Copy details</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Close</source>
            <translation>Close</translation>
        </message>
    </context>
    <context>
        <name>IntegrityStatus</name>
        <message>
            <location filename="../../acrel_console/ui/integrity_status.py" line="+81" />
            <source>(more problems not listed)</source>
            <translation>(more problems not listed)</translation>
        </message>
        <message>
            <location line="-35" />
            <source>Integrity check</source>
            <translation>Integrity check</translation>
        </message>
    </context>
    <context>
        <name>KioskWindow</name>
        <message>
            <location filename="../../acrel_console/ui/kiosk_window.py" line="+134" />
            <source>Tenant service</source>
            <translation>Tenant service</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Account no.</source>
            <translation>Account no.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>PIN</source>
            <translation>PIN</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Clear</source>
            <translation>Clear</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Sign in</source>
            <translation>Sign in</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Sign out</source>
            <translation>Sign out</translation>
        </message>
        <message>
            <location line="+81" />
            <source>Hello, {name}</source>
            <translation>Hello, {name}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>On</source>
            <translation>On</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Off</source>
            <translation>Off</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Unknown</source>
            <translation>Unknown</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Remaining amount</source>
            <translation>Remaining amount</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Not read yet</source>
            <translation>Not read yet</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+3" />
            <source>{amount} yuan</source>
            <translation>{amount} yuan</translation>
        </message>
        <message>
            <location line="-2" />
            <source>Power</source>
            <translation>Power</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Top-up on its way</source>
            <translation>Top-up on its way</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Recharge history</source>
            <translation>Recharge history</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Receipt no.</source>
            <translation>Receipt no.</translation>
        </message>
    </context>
    <context>
        <name>Legend</name>
        <message>
            <location filename="../../acrel_console/ui/meters/legend.py" line="+96" />
            <source>Show only meters with this status (click again to show all)</source>
            <translation>Show only meters with this status (click again to show all)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>All {n}</source>
            <translation>All {n}</translation>
        </message>
    </context>
    <context>
        <name>ListExport</name>
        <message>
            <location filename="../../acrel_console/ui/list_export.py" line="+51" />
            <source>Export…</source>
            <translation>Export…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Save the rows shown as an Excel workbook</source>
            <translation>Save the rows shown as an Excel workbook</translation>
        </message>
        <message>
            <location line="+10" />
            <location line="+29" />
            <source>Export to Excel</source>
            <translation>Export to Excel</translation>
        </message>
        <message>
            <location line="-27" />
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Exporting {title}…</source>
            <translation>Exporting {title}…</translation>
        </message>
        <message>
            <location line="+24" />
            <source>{n} rows written to {path}.</source>
            <translation>{n} rows written to {path}.</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <location filename="../../acrel_console/ui/login_dialog.py" line="+25" />
            <source>Acrel Console: sign in</source>
            <translation>Acrel Console: sign in</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Acrel Console</source>
            <translation>Acrel Console</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Operator</source>
            <translation>Operator</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Password</source>
            <translation>Password</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sign in</source>
            <translation>Sign in</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../acrel_console/ui/main_window.py" line="+47" />
            <location line="+197" />
            <source>Acrel Console</source>
            <translation>Acrel Console</translation>
        </message>
        <message>
            <location line="-99" />
            <source>&amp;Console</source>
            <translation>&amp;Console</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Change my password…</source>
            <translation>Change my password…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Sign in as another operator…</source>
            <translation>Sign in as another operator…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <location line="+6" />
            <source>&amp;Go</source>
            <translation>&amp;Go</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Sell electricity</source>
            <translation>Sell electricity</translation>
        </message>
        <message>
            <location line="+54" />
            <source>Operator: {name} ({role})</source>
            <translation>Operator: {name} ({role})</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Database: {db}</source>
            <translation>Database: {db}</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Poller: not running</source>
            <translation>Poller: not running</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Working…</source>
            <translation>Working…</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Password changed.</source>
            <translation>Password changed.</translation>
        </message>
    </context>
    <context>
        <name>MeterCardWidget</name>
        <message>
            <location filename="../../acrel_console/ui/cashier/card_widget.py" line="+46" />
            <location line="+60" />
            <source>No meter chosen</source>
            <translation>No meter chosen</translation>
        </message>
        <message>
            <location line="-55" />
            <source>Refresh meter status (F5)</source>
            <translation>Refresh meter status (F5)</translation>
        </message>
        <message>
            <location line="+35" />
            <source>Resolve conflict…</source>
            <translation>Resolve conflict…</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Shop/room</source>
            <translation>Shop/room</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Meter no.</source>
            <translation>Meter no.</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Tenant</source>
            <translation>Tenant</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Account no.</source>
            <translation>Account no.</translation>
        </message>
        <message>
            <location line="+0" />
            <source>In arrears</source>
            <translation>In arrears</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Purchases</source>
            <translation>Purchases</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Total purchased</source>
            <translation>Total purchased</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remaining</source>
            <translation>Remaining</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Max stored credit</source>
            <translation>Max stored credit</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Power threshold</source>
            <translation>Power threshold</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Relay</source>
            <translation>Relay</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Mode</source>
            <translation>Mode</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Alarm status</source>
            <translation>Alarm status</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Alarm 1 amount</source>
            <translation>Alarm 1 amount</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Alarm 2 amount</source>
            <translation>Alarm 2 amount</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Reading the meter…</source>
            <translation>Reading the meter…</translation>
        </message>
        <message>
            <location line="+6" />
            <source>{tenant} · room {room} · meter no. {meter}</source>
            <translation>{tenant} · room {room} · meter no. {meter}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Yes</source>
            <translation>Yes</translation>
        </message>
        <message>
            <location line="+0" />
            <source>No</source>
            <translation>No</translation>
        </message>
        <message>
            <location line="+3" />
            <source>(+{amount} pending)</source>
            <translation>(+{amount} pending)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Forced: keep power</source>
            <translation>Forced: keep power</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Forced: tripped</source>
            <translation>Forced: tripped</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Prepaid</source>
            <translation>Prepaid</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Closed</source>
            <translation>Closed</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Open</source>
            <translation>Open</translation>
        </message>
        <message>
            <location line="+2" />
            <source>reading the meter…</source>
            <translation>reading the meter…</translation>
        </message>
        <message>
            <location line="+7" />
            <source>No limit</source>
            <translation>No limit</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Last read: {at}</source>
            <translation>Last read: {at}</translation>
        </message>
        <message>
            <location line="+17" />
            <source>No deliveries yet.</source>
            <translation>No deliveries yet.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Last delivery: {amount} yuan {state} (meter count {count}, remaining {remaining})</source>
            <translation>Last delivery: {amount} yuan {state} (meter count {count}, remaining {remaining})</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Last delivery: {amount} yuan {state} — waiting for the meter</source>
            <translation>Last delivery: {amount} yuan {state} — waiting for the meter</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Last delivery: {amount} yuan {state}: {error}</source>
            <translation>Last delivery: {amount} yuan {state}: {error}</translation>
        </message>
    </context>
    <context>
        <name>MeterDialog</name>
        <message>
            <location filename="../../acrel_console/ui/meter_dialog.py" line="+29" />
            <source>Edit meter</source>
            <translation>Edit meter</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Add meter</source>
            <translation>Add meter</translation>
        </message>
        <message>
            <location line="+18" />
            <source>(the gateway's building)</source>
            <translation>(the gateway's building)</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Gateway</source>
            <translation>Gateway</translation>
        </message>
        <message>
            <location line="+1" />
            <source>RS485 address</source>
            <translation>RS485 address</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The meter's bus address, unique on its gateway.</source>
            <translation>The meter's bus address, unique on its gateway.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Model</source>
            <translation>Model</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Room / label</source>
            <translation>Room / label</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Shop or room number (商铺号).</source>
            <translation>Shop or room number (商铺号).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Building</source>
            <translation>Building</translation>
        </message>
        <message>
            <location line="+1" />
            <source>CT ratio</source>
            <translation>CT ratio</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Current transformer ratio; 1 without CT.</source>
            <translation>Current transformer ratio; 1 without CT.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Circuit</source>
            <translation>Circuit</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Circuit number on a multi-circuit meter (ADF400L); empty otherwise.</source>
            <translation>Circuit number on a multi-circuit meter (ADF400L); empty otherwise.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter number</source>
            <translation>Meter number</translation>
        </message>
        <message>
            <location line="+5" />
            <source>site default</source>
            <translation>site default</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Alarm amount 1 (yuan)</source>
            <translation>Alarm amount 1 (yuan)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Empty: the site default. Prepaid meters get it downloaded and confirmed by read-back.</source>
            <translation>Empty: the site default. Prepaid meters get it downloaded and confirmed by read-back.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Alarm amount 2 (yuan)</source>
            <translation>Alarm amount 2 (yuan)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Below alarm amount 1; empty: the site default.</source>
            <translation>Below alarm amount 1; empty: the site default.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Power threshold (kW)</source>
            <translation>Power threshold (kW)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Overload power; empty: the site default.</source>
            <translation>Overload power; empty: the site default.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>(none)</source>
            <translation>(none)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Main meter</source>
            <translation>Main meter</translation>
        </message>
        <message>
            <location line="+1" />
            <source>总表: this meter is one of its sub-meters in the loss analysis.</source>
            <translation>总表: this meter is one of its sub-meters in the loss analysis.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>This meter is the main meter of {n} sub-meter(s).</source>
            <translation>This meter is the main meter of {n} sub-meter(s).</translation>
        </message>
        <message>
            <location line="+11" />
            <source>A prepaid meter takes changed thresholds by a settings download; they show here once the meter confirms them by read-back.</source>
            <translation>A prepaid meter takes changed thresholds by a settings download; they show here once the meter confirms them by read-back.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The console applies this meter's thresholds itself (console-billed).</source>
            <translation>The console applies this meter's thresholds itself (console-billed).</translation>
        </message>
    </context>
    <context>
        <name>MetersBox</name>
        <message>
            <location filename="../../acrel_console/ui/cashier/settle_dialogs.py" line="+42" />
            <source>cannot be read: claim</source>
            <translation>cannot be read: claim</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The meter is broken or gone: a supervisor approves what it is taken to hold (never more than the ledger's balance).</source>
            <translation>The meter is broken or gone: a supervisor approves what it is taken to hold (never more than the ledger's balance).</translation>
        </message>
        <message>
            <location line="+4" />
            <source>claimed yuan</source>
            <translation>claimed yuan</translation>
        </message>
    </context>
    <context>
        <name>MetersPage</name>
        <message>
            <location filename="../../acrel_console/ui/pages/__init__.py" line="+1" />
            <location filename="../../acrel_console/ui/pages/meters_page.py" line="+111" />
            <source>Meters</source>
            <translation>Meters</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/pages/meters_page.py" line="+33" />
            <source>Search room, meter no., address, tenant</source>
            <translation>Search room, meter no., address, tenant</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Tiles</source>
            <translation>Tiles</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Table</source>
            <translation>Table</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Compact</source>
            <translation>Compact</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Small tiles: room and remaining amount only, more meters per screen</source>
            <translation>Small tiles: room and remaining amount only, more meters per screen</translation>
        </message>
        <message>
            <location line="+89" />
            <source>Find a meter</source>
            <translation>Find a meter</translation>
        </message>
        <message>
            <location line="+30" />
            <source>Your role may not do this.</source>
            <translation>Your role may not do this.</translation>
        </message>
        <message>
            <location line="+190" />
            <source>Showing {shown} of {total} meters</source>
            <translation>Showing {shown} of {total} meters</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{n} selected</source>
            <translation>{n} selected</translation>
        </message>
        <message>
            <location line="+2" />
            <source>updated {time}</source>
            <translation>updated {time}</translation>
        </message>
        <message>
            <location line="+134" />
            <source>Select one or more meters first.</source>
            <translation>Select one or more meters first.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>{n} console-billed meter(s): the console applies these thresholds from now on.</source>
            <translation>{n} console-billed meter(s): the console applies these thresholds from now on.</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Tiered price settings</source>
            <translation>Tiered price settings</translation>
        </message>
        <message>
            <location line="+11" />
            <source>There is no tiered tariff yet: create one under Tariffs first.</source>
            <translation>There is no tiered tariff yet: create one under Tariffs first.</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Send alarm texts</source>
            <translation>Send alarm texts</translation>
        </message>
        <message>
            <location line="+5" />
            <source>{n} text(s) queued.</source>
            <translation>{n} text(s) queued.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Not sent (no tenant phone): {rooms}</source>
            <translation>Not sent (no tenant phone): {rooms}</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Text the tenants of {n} meter(s) their alarm message now?</source>
            <translation>Text the tenants of {n} meter(s) their alarm message now?</translation>
        </message>
        <message>
            <location line="+36" />
            <location line="+25" />
            <source>Export readings</source>
            <translation>Export readings</translation>
        </message>
        <message>
            <location line="-23" />
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>readings</source>
            <translation>readings</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Exporting readings…</source>
            <translation>Exporting readings…</translation>
        </message>
        <message>
            <location line="+11" />
            <source>{n} meters exported to {path}</source>
            <translation>{n} meters exported to {path}</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Refresh status</source>
            <translation>Refresh status</translation>
        </message>
    </context>
    <context>
        <name>OpenAccountDialog</name>
        <message>
            <location filename="../../acrel_console/ui/cashier/account_dialogs.py" line="+25" />
            <source>Open account</source>
            <translation>Open account</translation>
        </message>
        <message>
            <location line="+22" />
            <source>optional</source>
            <translation>optional</translation>
        </message>
        <message>
            <location line="+5" />
            <source>optional: a claim a supervisor approves</source>
            <translation>optional: a claim a supervisor approves</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Tenant name</source>
            <translation>Tenant name</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Shop/room</source>
            <translation>Shop/room</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Phone (SMS)</source>
            <translation>Phone (SMS)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Notes</source>
            <translation>Notes</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meters (Space ticks)</source>
            <translation>Meters (Space ticks)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Credit already on the meters</source>
            <translation>Credit already on the meters</translation>
        </message>
        <message>
            <location line="+4" />
            <source>site default</source>
            <translation>site default</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Alarm amount 1 (yuan)</source>
            <translation>Alarm amount 1 (yuan)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The ticked meters' own alarm 1; prepaid meters get it downloaded (read back).</source>
            <translation>The ticked meters' own alarm 1; prepaid meters get it downloaded (read back).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Alarm amount 2 (yuan)</source>
            <translation>Alarm amount 2 (yuan)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Power threshold (kW)</source>
            <translation>Power threshold (kW)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>First top-up (yuan)</source>
            <translation>First top-up (yuan)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Payment method</source>
            <translation>Payment method</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Old meter balance (yuan)</source>
            <translation>Old meter balance (yuan)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Approval</source>
            <translation>Approval</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tick one or more unopened meters with Space (one account, several meters).</source>
            <translation>Tick one or more unopened meters with Space (one account, several meters).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Credit carried over from the previous system (老表金额转入) that no meter reading shows: a claim, approved by a supervisor with a reason.</source>
            <translation>Credit carried over from the previous system (老表金额转入) that no meter reading shows: a claim, approved by a supervisor with a reason.</translation>
        </message>
    </context>
    <context>
        <name>OperationForm</name>
        <message>
            <location filename="../../acrel_console/ui/cashier/operation_form.py" line="-412" />
            <source>Original sale</source>
            <translation>Original sale</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Payment method</source>
            <translation>Payment method</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remark</source>
            <translation>Remark</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Supervisor</source>
            <translation>Supervisor</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Supervisor password</source>
            <translation>Supervisor password</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A supervisor signs in here to approve</source>
            <translation>A supervisor signs in here to approve</translation>
        </message>
        <message>
            <location line="+55" />
            <source>Sell</source>
            <translation>Sell</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Refund</source>
            <translation>Refund</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Reverse</source>
            <translation>Reverse</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Sale amount (yuan)</source>
            <translation>Sale amount (yuan)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Refund amount (yuan)</source>
            <translation>Refund amount (yuan)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reversal amount (yuan)</source>
            <translation>Reversal amount (yuan)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>whole open amount</source>
            <translation>whole open amount</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sell (Enter)</source>
            <translation>Sell (Enter)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Refund (Enter)</source>
            <translation>Refund (Enter)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reverse (Enter)</source>
            <translation>Reverse (Enter)</translation>
        </message>
        <message>
            <location line="+49" />
            <source>No meter chosen: find the tenant, pick one meter.</source>
            <translation>No meter chosen: find the tenant, pick one meter.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Loading the meter…</source>
            <translation>Loading the meter…</translation>
        </message>
        <message>
            <location line="-9" />
            <source>{tenant} · room {room} · meter no. {meter}</source>
            <translation>{tenant} · room {room} · meter no. {meter}</translation>
        </message>
        <message>
            <location line="+13" />
            <location line="+4" />
            <source>Reverse the chosen sale of {who}</source>
            <translation>Reverse the chosen sale of {who}</translation>
        </message>
        <message>
            <location line="-2" />
            <source>Sell to {who}: type the amount</source>
            <translation>Sell to {who}: type the amount</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refund from {who}: type the amount</source>
            <translation>Refund from {who}: type the amount</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Sell {amount} yuan to {who}</source>
            <translation>Sell {amount} yuan to {who}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refund {amount} yuan from {who}</source>
            <translation>Refund {amount} yuan from {who}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reverse {amount} yuan of the sale to {who}</source>
            <translation>Reverse {amount} yuan of the sale to {who}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>meter offline</source>
            <translation>meter offline</translation>
        </message>
        <message>
            <location line="+32" />
            <source>{receipt} · {at} · {amount} yuan, open {open} · {method} · {state}</source>
            <translation>{receipt} · {at} · {amount} yuan, open {open} · {method} · {state}</translation>
        </message>
        <message>
            <location line="+6" />
            <source>This meter has no sale that can still be reversed.</source>
            <translation>This meter has no sale that can still be reversed.</translation>
        </message>
        <message>
            <location line="+55" />
            <source>The meter's card is still loading: press Enter again.</source>
            <translation>The meter's card is still loading: press Enter again.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Please confirm</source>
            <translation>Please confirm</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Yes, go ahead</source>
            <translation>&amp;Yes, go ahead</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No, correct it</source>
            <translation>No, correct it</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Working…</source>
            <translation>Working…</translation>
        </message>
        <message>
            <location line="+27" />
            <source>Not done. Correct and press Enter again: the same operation is retried, never made twice.</source>
            <translation>Not done. Correct and press Enter again: the same operation is retried, never made twice.</translation>
        </message>
        <message>
            <location line="+57" />
            <source>Already done earlier (same operation): nothing was made twice.</source>
            <translation>Already done earlier (same operation): nothing was made twice.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Refund of {amount} yuan asked of the meter: pay it out only when the meter confirms (the receipt prints then).</source>
            <translation>Refund of {amount} yuan asked of the meter: pay it out only when the meter confirms (the receipt prints then).</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Reversal of {amount} yuan asked of the meter: pay it out only when the meter confirms (the receipt prints then).</source>
            <translation>Reversal of {amount} yuan asked of the meter: pay it out only when the meter confirms (the receipt prints then).</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Sold {amount} yuan.</source>
            <translation>Sold {amount} yuan.</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Refunded {amount} yuan.</source>
            <translation>Refunded {amount} yuan.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reversed {amount} yuan.</source>
            <translation>Reversed {amount} yuan.</translation>
        </message>
        <message>
            <location line="-4" />
            <location line="+4" />
            <source>Done: {amount} yuan.</source>
            <translation>Done: {amount} yuan.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The sale's delivery had not been sent: it is cancelled, nothing reaches the meter.</source>
            <translation>The sale's delivery had not been sent: it is cancelled, nothing reaches the meter.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>A negative credit of {amount} yuan is being delivered to the meter.</source>
            <translation>A negative credit of {amount} yuan is being delivered to the meter.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Delivering to the meter…</source>
            <translation>Delivering to the meter…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Receipt {no}.</source>
            <translation>Receipt {no}.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/cashier/operation_presenter.py" line="+118" />
            <source>{amount} yuan is more than {limit} yuan: is the amount right?</source>
            <translation>{amount} yuan is more than {limit} yuan: is the amount right?</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The meter is offline: the money is taken now and the credit reaches the meter only when it answers again.</source>
            <translation>The meter is offline: the money is taken now and the credit reaches the meter only when it answers again.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/cashier/operation_form.py" />
            <source>{who}: {what}</source>
            <translation>{who}: {what}</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/cashier/operation_form.py" />
            <source>The meter confirmed the refund of {amount} yuan: pay out {paid} yuan.</source>
            <translation>The meter confirmed the refund of {amount} yuan: pay out {paid} yuan.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/cashier/operation_form.py" />
            <source>The meter confirmed the reversal of {amount} yuan: pay out {paid} yuan.</source>
            <translation>The meter confirmed the reversal of {amount} yuan: pay out {paid} yuan.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/cashier/operation_form.py" />
            <source>The meter confirmed: pay out {paid} yuan.</source>
            <translation>The meter confirmed: pay out {paid} yuan.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/cashier/operation_form.py" />
            <source>The meter had nothing to give back for the {amount} yuan asked: pay nothing out.</source>
            <translation>The meter had nothing to give back for the {amount} yuan asked: pay nothing out.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/cashier/operation_form.py" />
            <source>The meter refused to give back {amount} yuan: pay nothing out (the alarm says why).</source>
            <translation>The meter refused to give back {amount} yuan: pay nothing out (the alarm says why).</translation>
        </message>
    </context>
    <context>
        <name>OperatorsPage</name>
        <message>
            <location filename="../../acrel_console/ui/pages/operators_page.py" line="+23" />
            <source>Operators</source>
            <translation>Operators</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Roles and permissions</source>
            <translation>Roles and permissions</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Operation log</source>
            <translation>Operation log</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/pages/__init__.py" line="+7" />
            <location filename="../../acrel_console/ui/pages/operators_page.py" line="+6" />
            <source>Operators &amp; log</source>
            <translation>Operators &amp; log</translation>
        </message>
    </context>
    <context>
        <name>OperatorsPanel</name>
        <message>
            <location filename="../../acrel_console/ui/operators_panel.py" line="+43" />
            <source>Login name</source>
            <translation>Login name</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Full name</source>
            <translation>Full name</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Role</source>
            <translation>Role</translation>
        </message>
        <message>
            <location line="+1" />
            <source>State</source>
            <translation>State</translation>
        </message>
        <message>
            <location line="+2" />
            <source>operators</source>
            <translation>operators</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Add operator…</source>
            <translation>Add operator…</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+35" />
            <source>Disable</source>
            <translation>Disable</translation>
        </message>
        <message>
            <location line="-34" />
            <source>Reset password…</source>
            <translation>Reset password…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Assign role…</source>
            <translation>Assign role…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refresh</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Only administrators manage operators.</source>
            <translation>Only administrators manage operators.</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Enable</source>
            <translation>Enable</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Unlock</source>
            <translation>Unlock</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Disabled</source>
            <translation>Disabled</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Locked until {time}</source>
            <translation>Locked until {time}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Active</source>
            <translation>Active</translation>
        </message>
        <message>
            <location line="+45" />
            <source>Enable operator {name}?</source>
            <translation>Enable operator {name}?</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Unlock operator {name}?</source>
            <translation>Unlock operator {name}?</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Disable operator {name}?</source>
            <translation>Disable operator {name}?</translation>
        </message>
        <message>
            <location line="-99" />
            <location line="+101" />
            <source>Operators</source>
            <translation>Operators</translation>
        </message>
    </context>
    <context>
        <name>PaymentCasesPanel</name>
        <message>
            <location filename="../../acrel_console/ui/payment_cases_panel.py" line="-79" />
            <source>Paid, not on the meter</source>
            <translation>Paid, not on the meter</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Wrong amount paid</source>
            <translation>Wrong amount paid</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refund owed</source>
            <translation>Refund owed</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Statement difference</source>
            <translation>Statement difference</translation>
        </message>
        <message>
            <location line="+3" />
            <source>refund being asked</source>
            <translation>refund being asked</translation>
        </message>
        <message>
            <location line="+1" />
            <source>refund in progress at the provider</source>
            <translation>refund in progress at the provider</translation>
        </message>
        <message>
            <location line="+1" />
            <source>refund refused or failed</source>
            <translation>refund refused or failed</translation>
        </message>
        <message>
            <location line="+15" />
            <location line="+204" />
            <source>waiting for a decision</source>
            <translation>waiting for a decision</translation>
        </message>
        <message>
            <location line="-203" />
            <source>not acknowledged</source>
            <translation>not acknowledged</translation>
        </message>
        <message>
            <location line="+9" />
            <source>{paid} yuan paid for an order of {amount} yuan</source>
            <translation>{paid} yuan paid for an order of {amount} yuan</translation>
        </message>
        <message>
            <location line="+5" />
            <source>the meter could not take {paid} yuan</source>
            <translation>the meter could not take {paid} yuan</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Case</source>
            <translation>Case</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Since</source>
            <translation>Since</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Provider</source>
            <translation>Provider</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Room</source>
            <translation>Room</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Order (yuan)</source>
            <translation>Order (yuan)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Paid (yuan)</source>
            <translation>Paid (yuan)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Transaction no.</source>
            <translation>Transaction no.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>State</source>
            <translation>State</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Detail</source>
            <translation>Detail</translation>
        </message>
        <message>
            <location line="+49" />
            <source>Check the meter / deliver again…</source>
            <translation>Check the meter / deliver again…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refund…</source>
            <translation>Refund…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Credit to the meter…</source>
            <translation>Credit to the meter…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ask for the refund again</source>
            <translation>Ask for the refund again</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Acknowledge…</source>
            <translation>Acknowledge…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refresh</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <location line="+33" />
            <source>{count} online payment cases</source>
            <translation>{count} online payment cases</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No online payment case: every paid order is on its meter or paid back.</source>
            <translation>No online payment case: every paid order is on its meter or paid back.</translation>
        </message>
        <message>
            <location line="+37" />
            <source>The delivery was settled; see its new state.</source>
            <translation>The delivery was settled; see its new state.</translation>
        </message>
        <message>
            <location line="+8" />
            <location line="+10" />
            <source>Order {order}: {state}.</source>
            <translation>Order {order}: {state}.</translation>
        </message>
        <message>
            <location line="+20" />
            <source>The difference is acknowledged.</source>
            <translation>The difference is acknowledged.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>refund under way</source>
            <translation>refund under way</translation>
        </message>
        <message>
            <location line="+1" />
            <source>paid back to the payer</source>
            <translation>paid back to the payer</translation>
        </message>
        <message>
            <location line="+1" />
            <source>credited to the meter</source>
            <translation>credited to the meter</translation>
        </message>
    </context>
    <context>
        <name>PaymentDialog</name>
        <message>
            <location filename="../../acrel_console/ui/cashier/payment_dialog.py" line="+32" />
            <source>Scan to pay</source>
            <translation>Scan to pay</translation>
        </message>
        <message>
            <location line="+2" />
            <source>WeChat Pay</source>
            <translation>WeChat Pay</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Alipay</source>
            <translation>Alipay</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{amount} yuan</source>
            <translation>{amount} yuan</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Room {room}</source>
            <translation>Room {room}</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Cancel order</source>
            <translation>Cancel order</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <location line="+41" />
            <source>Cannot ask the provider now ({error}); trying again.</source>
            <translation>Cannot ask the provider now ({error}); trying again.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Cancelling…</source>
            <translation>Cancelling…</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Waiting for the payment… the QR is valid for {min}:{sec:02d} more.</source>
            <translation>Waiting for the payment… the QR is valid for {min}:{sec:02d} more.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Paid. Sale booked (receipt {no}) and delivered to the meter.</source>
            <translation>Paid. Sale booked (receipt {no}) and delivered to the meter.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Paid. Sale booked (receipt {no}); delivering to the meter…</source>
            <translation>Paid. Sale booked (receipt {no}); delivering to the meter…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Paid {paid} yuan, not the {amount} yuan asked: nothing was credited; a supervisor decides.</source>
            <translation>Paid {paid} yuan, not the {amount} yuan asked: nothing was credited; a supervisor decides.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Paid, but the meter cannot take it: the payment is refunded to the payer.</source>
            <translation>Paid, but the meter cannot take it: the payment is refunded to the payer.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The order expired unpaid.</source>
            <translation>The order expired unpaid.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Cancelled: nothing was paid.</source>
            <translation>Cancelled: nothing was paid.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The provider did not take the order: {error}</source>
            <translation>The provider did not take the order: {error}</translation>
        </message>
    </context>
    <context>
        <name>PaymentSetupForm</name>
        <message>
            <location filename="../../acrel_console/ui/payment_setup_form.py" line="+25" />
            <source>Merchant ID (mchid)</source>
            <translation>Merchant ID (mchid)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>App ID (appid)</source>
            <translation>App ID (appid)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Merchant API certificate serial number</source>
            <translation>Merchant API certificate serial number</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Merchant API private key (apiclient_key.pem)</source>
            <translation>Merchant API private key (apiclient_key.pem)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>APIv3 key</source>
            <translation>APIv3 key</translation>
        </message>
        <message>
            <location line="+1" />
            <source>WeChat Pay public key ID (public-key mode)</source>
            <translation>WeChat Pay public key ID (public-key mode)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>WeChat Pay public key (public-key mode)</source>
            <translation>WeChat Pay public key (public-key mode)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Payment notification URL</source>
            <translation>Payment notification URL</translation>
        </message>
        <message>
            <location line="+1" />
            <source>API address (empty: the provider's own)</source>
            <translation>API address (empty: the provider's own)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>App ID (APPID)</source>
            <translation>App ID (APPID)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>App private key</source>
            <translation>App private key</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Alipay public key</source>
            <translation>Alipay public key</translation>
        </message>
        <message>
            <location line="+246" />
            <source>Provider</source>
            <translation>Provider</translation>
        </message>
    </context>
    <context>
        <name>PeriodPicker</name>
        <message>
            <location filename="../../acrel_console/ui/reports/period_picker.py" line="+40" />
            <source>to</source>
            <translation>to</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Day</source>
            <translation>Day</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Month</source>
            <translation>Month</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Year</source>
            <translation>Year</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Date range</source>
            <translation>Date range</translation>
        </message>
    </context>
    <context>
        <name>PlaceholderPage</name>
        <message>
            <location filename="../../acrel_console/ui/pages/base.py" line="-19" />
            <source>This page is not built yet.</source>
            <translation>This page is not built yet.</translation>
        </message>
    </context>
    <context>
        <name>PollerStatus</name>
        <message>
            <location filename="../../acrel_console/ui/poller_status.py" line="+50" />
            <source>Poller: not running</source>
            <translation>Poller: not running</translation>
        </message>
        <message>
            <location line="+3" />
            <source>No site service since {time}: sales are booked and delivered when it returns</source>
            <translation>No site service since {time}: sales are booked and delivered when it returns</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Poller: running in this console</source>
            <translation>Poller: running in this console</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Poller: running on {host}</source>
            <translation>Poller: running on {host}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Poller: stopped since {time}</source>
            <translation>Poller: stopped since {time}</translation>
        </message>
        <message>
            <location line="+5" />
            <source>{zone}: {state}</source>
            <translation>{zone}: {state}</translation>
        </message>
        <message>
            <location line="+0" />
            <source>site</source>
            <translation>site</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Poller: unknown ({error})</source>
            <translation>Poller: unknown ({error})</translation>
        </message>
    </context>
    <context>
        <name>ProviderForm</name>
        <message>
            <location filename="../../acrel_console/ui/payment_setup_form.py" line="-195" />
            <source>From file…</source>
            <translation>From file…</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Test connection</source>
            <translation>Test connection</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remove</source>
            <translation>Remove</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Keys are kept beside the site key on this computer, never in the database or the operation log. A stored key shows as ********; leave it as it is to keep it. Fields marked * are required.</source>
            <translation>Keys are kept beside the site key on this computer, never in the database or the operation log. A stored key shows as ********; leave it as it is to keep it. Fields marked * are required.</translation>
        </message>
        <message>
            <location line="+40" />
            <source>Not set up: {provider} cannot be offered at the counter or on the phone page.</source>
            <translation>Not set up: {provider} cannot be offered at the counter or on the phone page.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Set up (platform-certificate mode): {provider} is offered at the counter and on the phone page.</source>
            <translation>Set up (platform-certificate mode): {provider} is offered at the counter and on the phone page.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Set up (public-key mode): {provider} is offered at the counter and on the phone page.</source>
            <translation>Set up (public-key mode): {provider} is offered at the counter and on the phone page.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Set up: {provider} is offered at the counter and on the phone page.</source>
            <translation>Set up: {provider} is offered at the counter and on the phone page.</translation>
        </message>
        <message>
            <location line="+42" />
            <source>Choose the key file</source>
            <translation>Choose the key file</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Key files (*.pem *.key *.txt)</source>
            <translation>Key files (*.pem *.key *.txt)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>All files (*)</source>
            <translation>All files (*)</translation>
        </message>
        <message>
            <location line="+12" />
            <source>{field}: read from {file}; not saved yet.</source>
            <translation>{field}: read from {file}; not saved yet.</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Testing the connection…</source>
            <translation>Testing the connection…</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Connection test passed: {provider} accepted the keys.</source>
            <translation>Connection test passed: {provider} accepted the keys.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Saving…</source>
            <translation>Saving…</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Saved. The change is in the operation log (without the keys).</source>
            <translation>Saved. The change is in the operation log (without the keys).</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Remove the settings</source>
            <translation>Remove the settings</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remove the {provider} settings and keys from this site? Online payment with {provider} stops until it is set up again.</source>
            <translation>Remove the {provider} settings and keys from this site? Online payment with {provider} stops until it is set up again.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Removing…</source>
            <translation>Removing…</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Removed.</source>
            <translation>Removed.</translation>
        </message>
    </context>
    <context>
        <name>QAbstractFileIconProvider</name>
        <message>
            <location filename="../../acrel_console/ui/qt_words.py" line="+16" />
            <source>Folder</source>
            <translation>Folder</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Drive</source>
            <translation>Drive</translation>
        </message>
        <message>
            <location line="+1" />
            <source>File</source>
            <translation>File</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 File</source>
            <translation>%1 File</translation>
        </message>
    </context>
    <context>
        <name>QFileDialog</name>
        <message>
            <location line="-5" />
            <source>&amp;Look in:</source>
            <translation>&amp;Look in:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Files of &amp;type:</source>
            <translation>Files of &amp;type:</translation>
        </message>
    </context>
    <context>
        <name>QPrintDialog</name>
        <message>
            <location line="+5" />
            <source>Page &amp;Set:</source>
            <translation>Page &amp;Set:</translation>
        </message>
    </context>
    <context>
        <name>QuickConfigBar</name>
        <message>
            <location filename="../../acrel_console/ui/quick_config.py" line="+38" />
            <source>Sheet {sheet}, row {row}, column {column}: {message}</source>
            <translation>Sheet {sheet}, row {row}, column {column}: {message}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>… and {n} more.</source>
            <translation>… and {n} more.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Export template…</source>
            <translation>Export template…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Import…</source>
            <translation>Import…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Write an Excel template with sheets for buildings, gateways and meters.</source>
            <translation>Write an Excel template with sheets for buildings, gateways and meters.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Import a filled template. Every row is checked; nothing is imported if any row is wrong.</source>
            <translation>Import a filled template. Every row is checked; nothing is imported if any row is wrong.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Quick configuration:</source>
            <translation>Quick configuration:</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Export template</source>
            <translation>Export template</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+11" />
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
        <message>
            <location line="-5" />
            <source>Template written to {path}.</source>
            <translation>Template written to {path}.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Import configuration</source>
            <translation>Import configuration</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Imported {buildings} buildings, {gateways} gateways and {meters} meters.</source>
            <translation>Imported {buildings} buildings, {gateways} gateways and {meters} meters.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Import refused, nothing changed:</source>
            <translation>Import refused, nothing changed:</translation>
        </message>
    </context>
    <context>
        <name>Receipt</name>
        <message>
            <location filename="../../acrel_console/ui/cashier/receipt_lines.py" line="+16" />
            <source>Spike</source>
            <translation>Spike</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Peak</source>
            <translation>Peak</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Flat</source>
            <translation>Flat</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Valley</source>
            <translation>Valley</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Electricity refund slip</source>
            <translation>Electricity refund slip</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sale reversal slip</source>
            <translation>Sale reversal slip</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Balance transfer slip</source>
            <translation>Balance transfer slip</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Opening balance slip</source>
            <translation>Opening balance slip</translation>
        </message>
        <message>
            <location line="+32" />
            <source>{price} yuan/kWh</source>
            <translation>{price} yuan/kWh</translation>
        </message>
        <message>
            <location line="+8" />
            <location line="+12" />
            <source>yuan</source>
            <translation>yuan</translation>
        </message>
        <message>
            <location line="-10" />
            <source>Receipt no.</source>
            <translation>Receipt no.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Time</source>
            <translation>Time</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tenant</source>
            <translation>Tenant</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Account no.</source>
            <translation>Account no.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Shop/room</source>
            <translation>Shop/room</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Amount</source>
            <translation>Amount</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Payment</source>
            <translation>Payment</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Price</source>
            <translation>Price</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Balance after</source>
            <translation>Balance after</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Purchase count</source>
            <translation>Purchase count</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Operator</source>
            <translation>Operator</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Original receipt</source>
            <translation>Original receipt</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Approved by</source>
            <translation>Approved by</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Remark</source>
            <translation>Remark</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Delivery</source>
            <translation>Delivery</translation>
        </message>
        <message>
            <location line="+1" />
            <source>REPRINT (copy {n})</source>
            <translation>REPRINT (copy {n})</translation>
        </message>
        <message>
            <location line="-70" />
            <source>Electricity sale receipt</source>
            <translation>Electricity sale receipt</translation>
        </message>
        <message>
            <location line="+52" />
            <source>Meter no.</source>
            <translation>Meter no.</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Keep this slip. The number is the same on every copy.</source>
            <translation>Keep this slip. The number is the same on every copy.</translation>
        </message>
    </context>
    <context>
        <name>ReceiptDialog</name>
        <message>
            <location filename="../../acrel_console/ui/cashier/receipt_dialog.py" line="+59" />
            <source>Receipt</source>
            <translation>Receipt</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Loading…</source>
            <translation>Loading…</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Save PDF…</source>
            <translation>Save PDF…</translation>
        </message>
        <message>
            <location line="-3" />
            <source>&amp;Print (Enter)</source>
            <translation>&amp;Print (Enter)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Printer…</source>
            <translation>Printer…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Close (Esc)</source>
            <translation>Close (Esc)</translation>
        </message>
        <message>
            <location line="+46" />
            <source>Save receipt as PDF</source>
            <translation>Save receipt as PDF</translation>
        </message>
        <message>
            <location line="+2" />
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Saved to {path}</source>
            <translation>Saved to {path}</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Printed: {where}</source>
            <translation>Printed: {where}</translation>
        </message>
    </context>
    <context>
        <name>RecordDetailDialog</name>
        <message>
            <location filename="../../acrel_console/ui/cashier/record_detail_dialog.py" line="+18" />
            <source>Record details</source>
            <translation>Record details</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sale type</source>
            <translation>Sale type</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Created</source>
            <translation>Created</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Created by</source>
            <translation>Created by</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Approved by</source>
            <translation>Approved by</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Account no.</source>
            <translation>Account no.</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Tenant</source>
            <translation>Tenant</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter no.</source>
            <translation>Meter no.</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Shop/room</source>
            <translation>Shop/room</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Amount</source>
            <translation>Amount</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Payment method</source>
            <translation>Payment method</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Purchases before</source>
            <translation>Purchases before</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Total before</source>
            <translation>Total before</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remark</source>
            <translation>Remark</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Receipt no.</source>
            <translation>Receipt no.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Original sale</source>
            <translation>Original sale</translation>
        </message>
        <message>
            <location line="+0" />
            <source>(no receipt)</source>
            <translation>(no receipt)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delivery</source>
            <translation>Delivery</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Close</source>
            <translation>Close</translation>
        </message>
    </context>
    <context>
        <name>RecordsPage</name>
        <message>
            <location filename="../../acrel_console/ui/pages/records_page.py" line="+77" />
            <location line="+4" />
            <source>Any</source>
            <translation>Any</translation>
        </message>
        <message>
            <location line="+3" />
            <source>login name</source>
            <translation>login name</translation>
        </message>
        <message>
            <location line="+1" />
            <source>name, account no. or room</source>
            <translation>name, account no. or room</translation>
        </message>
        <message>
            <location line="+1" />
            <source>meter no.</source>
            <translation>meter no.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>From</source>
            <translation>From</translation>
        </message>
        <message>
            <location line="+0" />
            <source>To</source>
            <translation>To</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+110" />
            <source>Cashier</source>
            <translation>Cashier</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/cashier/records_export.py" line="+43" />
            <location filename="../../acrel_console/ui/pages/records_page.py" line="-109" />
            <location line="+110" />
            <source>Tenant</source>
            <translation>Tenant</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../acrel_console/ui/pages/records_page.py" line="-110" />
            <location line="+111" />
            <source>Meter no.</source>
            <translation>Meter no.</translation>
        </message>
        <message>
            <location line="+3" />
            <location filename="../../acrel_console/ui/pages/records_page.py" line="-110" />
            <location line="+111" />
            <source>Payment method</source>
            <translation>Payment method</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../acrel_console/ui/pages/records_page.py" line="-111" />
            <location line="+113" />
            <source>Sale type</source>
            <translation>Sale type</translation>
        </message>
        <message>
            <location line="-20" />
            <source>approved by {name}</source>
            <translation>approved by {name}</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Created</source>
            <translation>Created</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Created by</source>
            <translation>Created by</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Account no.</source>
            <translation>Account no.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Shop/room</source>
            <translation>Shop/room</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Amount</source>
            <translation>Amount</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Purchases before</source>
            <translation>Purchases before</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Total before</source>
            <translation>Total before</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Remark</source>
            <translation>Remark</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delivery</source>
            <translation>Delivery</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Records</source>
            <translation>Records</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sales</source>
            <translation>Sales</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reversals</source>
            <translation>Reversals</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refunds</source>
            <translation>Refunds</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Income (sales − reversals − refunds)</source>
            <translation>Income (sales − reversals − refunds)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Sales by method</source>
            <translation>Sales by method</translation>
        </message>
        <message>
            <location line="+8" />
            <location filename="../../acrel_console/ui/pages/__init__.py" line="-4" />
            <location filename="../../acrel_console/ui/pages/records_page.py" line="-147" />
            <source>Sales records</source>
            <translation>Sales records</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/pages/records_page.py" line="+39" />
            <source>Search</source>
            <translation>Search</translation>
        </message>
        <message>
            <location line="+10" />
            <source>View details</source>
            <translation>View details</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Print slip</source>
            <translation>Print slip</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reverse…</source>
            <translation>Reverse…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Export…</source>
            <translation>Export…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Shift close…</source>
            <translation>Shift close…</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Print the slip again</source>
            <translation>Print the slip again</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Export to Excel</source>
            <translation>Export to Excel</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Close a shift</source>
            <translation>Close a shift</translation>
        </message>
        <message>
            <location line="+72" />
            <source>{label}: {value}</source>
            <translation>{label}: {value}</translation>
        </message>
        <message>
            <location line="+52" />
            <location line="+23" />
            <source>Export records</source>
            <translation>Export records</translation>
        </message>
        <message>
            <location line="-21" />
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>records</source>
            <translation>records</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Exporting records…</source>
            <translation>Exporting records…</translation>
        </message>
        <message>
            <location line="+14" />
            <source>{n} records exported to {path}</source>
            <translation>{n} records exported to {path}</translation>
        </message>
    </context>
    <context>
        <name>ReplaceMeterDialog</name>
        <message>
            <location filename="../../acrel_console/ui/cashier/settle_dialogs.py" line="+111" />
            <source>Replace meter {no}</source>
            <translation>Replace meter {no}</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Old meter</source>
            <translation>Old meter</translation>
        </message>
        <message>
            <location line="+1" />
            <source>New meter</source>
            <translation>New meter</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Credit already on the new meter</source>
            <translation>Credit already on the new meter</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Claim</source>
            <translation>Claim</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Approval</source>
            <translation>Approval</translation>
        </message>
    </context>
    <context>
        <name>ReportChart</name>
        <message>
            <location filename="../../acrel_console/ui/reports/chart_widget.py" line="+30" />
            <source>Amount (yuan)</source>
            <translation>Amount (yuan)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Energy (kWh)</source>
            <translation>Energy (kWh)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Count</source>
            <translation>Count</translation>
        </message>
    </context>
    <context>
        <name>ReportExporter</name>
        <message>
            <location filename="../../acrel_console/ui/reports/export_runner.py" line="+75" />
            <source>Exporting {rows} rows…</source>
            <translation>Exporting {rows} rows…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Export</source>
            <translation>Export</translation>
        </message>
    </context>
    <context>
        <name>ReportTableModel</name>
        <message>
            <location filename="../../acrel_console/ui/reports/table_model.py" line="+79" />
            <source>Total</source>
            <translation>Total</translation>
        </message>
    </context>
    <context>
        <name>ReportsPage</name>
        <message>
            <location filename="../../acrel_console/ui/pages/reports_page.py" line="+79" />
            <location line="+170" />
            <source>Tenant</source>
            <translation>Tenant</translation>
        </message>
        <message>
            <location line="-166" />
            <source>Query</source>
            <translation>Query</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Export</source>
            <translation>Export</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Save chart as PNG…</source>
            <translation>Save chart as PNG…</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Chart of</source>
            <translation>Chart of</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/pages/__init__.py" line="+1" />
            <location filename="../../acrel_console/ui/pages/reports_page.py" line="+52" />
            <source>Reports</source>
            <translation>Reports</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/pages/reports_page.py" line="+30" />
            <source>By</source>
            <translation>By</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Group</source>
            <translation>Group</translation>
        </message>
        <message>
            <location line="+43" />
            <source>Choose a tenant first.</source>
            <translation>Choose a tenant first.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Querying…</source>
            <translation>Querying…</translation>
        </message>
        <message>
            <location line="+28" />
            <source>{title} — {period}</source>
            <translation>{title} — {period}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{rows} rows</source>
            <translation>{rows} rows</translation>
        </message>
        <message>
            <location line="+6" />
            <source>All (total)</source>
            <translation>All (total)</translation>
        </message>
        <message>
            <location line="+37" />
            <source>Hour</source>
            <translation>Hour</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Day</source>
            <translation>Day</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Month</source>
            <translation>Month</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Save chart as PNG</source>
            <translation>Save chart as PNG</translation>
        </message>
        <message>
            <location line="+2" />
            <source>PNG images (*.png)</source>
            <translation>PNG images (*.png)</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Chart saved to {path}.</source>
            <translation>Chart saved to {path}.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The chart could not be saved to {path}.</source>
            <translation>The chart could not be saved to {path}.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Export to Excel</source>
            <translation>Export to Excel</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Excel workbooks (*.xlsx)</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Exporting…</source>
            <translation>Exporting…</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Export cancelled; no file was written.</source>
            <translation>Export cancelled; no file was written.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Exported {rows} rows to {path}.</source>
            <translation>Exported {rows} rows to {path}.</translation>
        </message>
    </context>
    <context>
        <name>ResetPasswordDialog</name>
        <message>
            <location filename="../../acrel_console/ui/operator_dialogs.py" line="-44" />
            <source>Reset password of {name}</source>
            <translation>Reset password of {name}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>New password</source>
            <translation>New password</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Password again</source>
            <translation>Password again</translation>
        </message>
    </context>
    <context>
        <name>ReversalDialog</name>
        <message>
            <location filename="../../acrel_console/ui/cashier/reversal_dialog.py" line="+22" />
            <source>Reversal</source>
            <translation>Reversal</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Close</source>
            <translation>Close</translation>
        </message>
    </context>
    <context>
        <name>RoleDialog</name>
        <message>
            <location filename="../../acrel_console/ui/operator_dialogs.py" line="+16" />
            <source>Role of {name}</source>
            <translation>Role of {name}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Role</source>
            <translation>Role</translation>
        </message>
    </context>
    <context>
        <name>RoleNameDialog</name>
        <message>
            <location filename="../../acrel_console/ui/roles_panel.py" line="+39" />
            <source>Role name</source>
            <translation>Role name</translation>
        </message>
    </context>
    <context>
        <name>RolesPanel</name>
        <message>
            <location line="-11" />
            <source>{role} (built-in)</source>
            <translation>{role} (built-in)</translation>
        </message>
        <message>
            <location line="+59" />
            <source>Copy…</source>
            <translation>Copy…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rename…</source>
            <translation>Rename…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delete</source>
            <translation>Delete</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save permissions</source>
            <translation>Save permissions</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refresh</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Only operators with the operators right manage roles.</source>
            <translation>Only operators with the operators right manage roles.</translation>
        </message>
        <message>
            <location line="+59" />
            <source>A built-in role is read-only. Copy it to make a role you can change.</source>
            <translation>A built-in role is read-only. Copy it to make a role you can change.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Copied from {source}; held by {n} operator(s). A change applies from each operator's next sign-in.</source>
            <translation>Copied from {source}; held by {n} operator(s). A change applies from each operator's next sign-in.</translation>
        </message>
        <message>
            <location line="+35" />
            <source>Copy of {role}</source>
            <translation>Copy of {role}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Copy role</source>
            <translation>Copy role</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Rename role</source>
            <translation>Rename role</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Delete role</source>
            <translation>Delete role</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Delete the role {name}?</source>
            <translation>Delete the role {name}?</translation>
        </message>
    </context>
    <context>
        <name>SearchPanel</name>
        <message>
            <location filename="../../acrel_console/ui/cashier/search_panel.py" line="+41" />
            <source>Room, tenant, phone or meter number</source>
            <translation>Room, tenant, phone or meter number</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Meter no.</source>
            <translation>Meter no.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Account no.</source>
            <translation>Account no.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tenant</source>
            <translation>Tenant</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Shop/room</source>
            <translation>Shop/room</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Total purchased</source>
            <translation>Total purchased</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Purchases</source>
            <translation>Purchases</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Building</source>
            <translation>Building</translation>
        </message>
        <message>
            <location line="+76" />
            <source>Meters found: {n} — choose one with ↓ and Enter</source>
            <translation>Meters found: {n} — choose one with ↓ and Enter</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No meter of an open account matches.</source>
            <translation>No meter of an open account matches.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Meters found: {n}</source>
            <translation>Meters found: {n}</translation>
        </message>
    </context>
    <context>
        <name>SetPinDialog</name>
        <message>
            <location filename="../../acrel_console/ui/cashier/pin_dialog.py" line="+29" />
            <source>Set portal PIN: {name}</source>
            <translation>Set portal PIN: {name}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The tenant signs in to the self-service page (phone or kiosk) with account no. {no} and this PIN. Setting it signs the tenant out everywhere and unlocks a locked sign-in.</source>
            <translation>The tenant signs in to the self-service page (phone or kiosk) with account no. {no} and this PIN. Setting it signs the tenant out everywhere and unlocks a locked sign-in.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Generate a {n}-digit PIN</source>
            <translation>Generate a {n}-digit PIN</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Type the tenant's PIN</source>
            <translation>Type the tenant's PIN</translation>
        </message>
        <message>
            <location line="+5" />
            <source>PIN</source>
            <translation>PIN</translation>
        </message>
        <message>
            <location line="+1" />
            <source>New PIN</source>
            <translation>New PIN</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{minimum} to {maximum} digits; not one digit repeated, not a run like 123456.</source>
            <translation>{minimum} to {maximum} digits; not one digit repeated, not a run like 123456.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>New PIN again</source>
            <translation>New PIN again</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <location filename="../../acrel_console/ui/pages/settings_page.py" line="+55" />
            <source>Building name</source>
            <translation>Building name</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Floor</source>
            <translation>Floor</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Area</source>
            <translation>Area</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Notes</source>
            <translation>Notes</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Gateway name</source>
            <translation>Gateway name</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Mode</source>
            <translation>Mode</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Address</source>
            <translation>Address</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Timeout (ms)</source>
            <translation>Timeout (ms)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Retries</source>
            <translation>Retries</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Inter-frame delay (ms)</source>
            <translation>Inter-frame delay (ms)</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+8" />
            <source>Building</source>
            <translation>Building</translation>
        </message>
        <message>
            <location line="-7" />
            <source>Enabled</source>
            <translation>Enabled</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Yes</source>
            <translation>Yes</translation>
        </message>
        <message>
            <location line="+0" />
            <source>No</source>
            <translation>No</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Gateway</source>
            <translation>Gateway</translation>
        </message>
        <message>
            <location line="+0" />
            <source>RS485 address</source>
            <translation>RS485 address</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Model</source>
            <translation>Model</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Room / label</source>
            <translation>Room / label</translation>
        </message>
        <message>
            <location line="+2" />
            <source>CT ratio</source>
            <translation>CT ratio</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Circuit</source>
            <translation>Circuit</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter number</source>
            <translation>Meter number</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Alarm amount 1</source>
            <translation>Alarm amount 1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Alarm amount 2</source>
            <translation>Alarm amount 2</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Power threshold (kW)</source>
            <translation>Power threshold (kW)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Main meter</source>
            <translation>Main meter</translation>
        </message>
        <message>
            <location line="-21" />
            <location line="+33" />
            <source>Buildings</source>
            <translation>Buildings</translation>
        </message>
        <message>
            <location line="-22" />
            <location line="+23" />
            <source>Gateways</source>
            <translation>Gateways</translation>
        </message>
        <message>
            <location line="-9" />
            <location line="+10" />
            <source>Meters</source>
            <translation>Meters</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Site defaults</source>
            <translation>Site defaults</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Online payment</source>
            <translation>Online payment</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This workstation</source>
            <translation>This workstation</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/pages/__init__.py" line="+2" />
            <location filename="../../acrel_console/ui/pages/settings_page.py" line="+10" />
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
    </context>
    <context>
        <name>SettleDialog</name>
        <message>
            <location filename="../../acrel_console/ui/cashier/settle_dialogs.py" line="-98" />
            <source>Close account {no} · {name}</source>
            <translation>Close account {no} · {name}</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Remove a meter from {name}</source>
            <translation>Remove a meter from {name}</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Each meter is read as its credit is taken back; the drawer pays out only what the meters confirm.</source>
            <translation>Each meter is read as its credit is taken back; the drawer pays out only what the meters confirm.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Refund to the tenant</source>
            <translation>Refund to the tenant</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Transfer to another meter</source>
            <translation>Transfer to another meter</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Meters</source>
            <translation>Meters</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Claim</source>
            <translation>Claim</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Approval</source>
            <translation>Approval</translation>
        </message>
        <message>
            <location line="-5" />
            <source>Remaining balance</source>
            <translation>Remaining balance</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refund paid by</source>
            <translation>Refund paid by</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Transfer to</source>
            <translation>Transfer to</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
    </context>
    <context>
        <name>SettleDialogs</name>
        <message>
            <location line="-74" />
            <source>ledger {ledger} yuan · meter last showed {shown} yuan</source>
            <translation>ledger {ledger} yuan · meter last showed {shown} yuan</translation>
        </message>
    </context>
    <context>
        <name>SettlementSlip</name>
        <message>
            <location filename="../../acrel_console/ui/cashier/settlement_slip.py" line="+24" />
            <source>returned {amount}</source>
            <translation>returned {amount}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>(claim approved by a supervisor)</source>
            <translation>(claim approved by a supervisor)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>used before settling {amount}</source>
            <translation>used before settling {amount}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>still outstanding {amount}</source>
            <translation>still outstanding {amount}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>NOT returned {amount}: the meter refused</source>
            <translation>NOT returned {amount}: the meter refused</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Account closing settlement</source>
            <translation>Account closing settlement</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Meter removal settlement</source>
            <translation>Meter removal settlement</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter replacement settlement</source>
            <translation>Meter replacement settlement</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Settled</source>
            <translation>Settled</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Still settling: waiting for the meters</source>
            <translation>Still settling: waiting for the meters</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not settled: a meter refused; nothing was paid for what it kept</source>
            <translation>Not settled: a meter refused; nothing was paid for what it kept</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Tenant</source>
            <translation>Tenant</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Account no.</source>
            <translation>Account no.</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Shop/room</source>
            <translation>Shop/room</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Time</source>
            <translation>Time</translation>
        </message>
        <message>
            <location line="+1" />
            <source>State</source>
            <translation>State</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Meter {no}</source>
            <translation>Meter {no}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Total returned</source>
            <translation>Total returned</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Paid out</source>
            <translation>Paid out</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Moved to the other meter</source>
            <translation>Moved to the other meter</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Still outstanding</source>
            <translation>Still outstanding</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Meter commands</source>
            <translation>Meter commands</translation>
        </message>
        <message>
            <location line="+0" />
            <source>{n} queued (relay, prepaid mode)</source>
            <translation>{n} queued (relay, prepaid mode)</translation>
        </message>
        <message>
            <location line="-40" />
            <source>yuan</source>
            <translation>yuan</translation>
        </message>
        <message>
            <location line="+41" />
            <source>Operator</source>
            <translation>Operator</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Signed by the tenant: ____________</source>
            <translation>Signed by the tenant: ____________</translation>
        </message>
    </context>
    <context>
        <name>ShiftDialog</name>
        <message>
            <location filename="../../acrel_console/ui/cashier/shift_dialog.py" line="+33" />
            <source>Shift close</source>
            <translation>Shift close</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Open shift</source>
            <translation>Open shift</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Sales</source>
            <translation>Sales</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Refunds</source>
            <translation>Refunds</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Reversals</source>
            <translation>Reversals</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Expected in drawer</source>
            <translation>Expected in drawer</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Total</source>
            <translation>Total</translation>
        </message>
        <message>
            <location line="+19" />
            <source>optional</source>
            <translation>optional</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Counted cash (yuan)</source>
            <translation>Counted cash (yuan)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Supervisor</source>
            <translation>Supervisor</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Supervisor password</source>
            <translation>Supervisor password</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Close shift</source>
            <translation>Close shift</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <location line="+19" />
            <source>{cashier} · since {at} (shift {id})</source>
            <translation>{cashier} · since {at} (shift {id})</translation>
        </message>
        <message>
            <location line="+9" />
            <source>No shift is open.</source>
            <translation>No shift is open.</translation>
        </message>
        <message>
            <location line="+25" />
            <source>{sales} sales, {refunds} refunds, {reversals} reversals</source>
            <translation>{sales} sales, {refunds} refunds, {reversals} reversals</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Expected cash in the drawer: {amount} yuan</source>
            <translation>Expected cash in the drawer: {amount} yuan</translation>
        </message>
        <message>
            <location line="+40" />
            <source>Counted minus expected: {d} yuan.</source>
            <translation>Counted minus expected: {d} yuan.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Shift {id} closed by {name}.</source>
            <translation>Shift {id} closed by {name}.</translation>
        </message>
    </context>
    <context>
        <name>SiteDefaultsForm</name>
        <message>
            <location filename="../../acrel_console/ui/site_defaults_form.py" line="+24" />
            <source>Site and meter reading</source>
            <translation>Site and meter reading</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Alarms, credit and power</source>
            <translation>Alarms, credit and power</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Energy cost (revenue report)</source>
            <translation>Energy cost (revenue report)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SMS</source>
            <translation>SMS</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Operator sign-in</source>
            <translation>Operator sign-in</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tenant portal</source>
            <translation>Tenant portal</translation>
        </message>
        <message>
            <location line="+4" />
            <source>No text messages</source>
            <translation>No text messages</translation>
        </message>
        <message>
            <location line="+1" />
            <source>GSM modem on a serial port</source>
            <translation>GSM modem on a serial port</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SMS gateway (HTTP)</source>
            <translation>SMS gateway (HTTP)</translation>
        </message>
        <message>
            <location line="+92" />
            <source>Save defaults</source>
            <translation>Save defaults</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Revert</source>
            <translation>Revert</translation>
        </message>
        <message>
            <location line="+24" />
            <source>In use: {zone} (UTC{offset}); site time now {time}. Every time, day, shift and report follows this zone, not the computer's own.</source>
            <translation>In use: {zone} (UTC{offset}); site time now {time}. Every time, day, shift and report follows this zone, not the computer's own.</translation>
        </message>
    </context>
    <context>
        <name>SiteTree</name>
        <message>
            <location filename="../../acrel_console/ui/meters/site_tree.py" line="+55" />
            <source>All meters ({n})</source>
            <translation>All meters ({n})</translation>
        </message>
        <message>
            <location line="+6" />
            <source>No building</source>
            <translation>No building</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Gateway {name}</source>
            <translation>Gateway {name}</translation>
        </message>
    </context>
    <context>
        <name>SlipDialog</name>
        <message>
            <location filename="../../acrel_console/ui/cashier/slip_dialog.py" line="+45" />
            <source>Print…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Save PDF…</source>
            <translation>Save PDF…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Save slip as PDF</source>
            <translation>Save slip as PDF</translation>
        </message>
        <message>
            <location line="+2" />
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
    </context>
    <context>
        <name>TariffDialog</name>
        <message>
            <location filename="../../acrel_console/ui/cashier/tariff_dialogs.py" line="-189" />
            <source>Flat (one price)</source>
            <translation>Flat (one price)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Time of use (spike/peak/flat/valley)</source>
            <translation>Time of use (spike/peak/flat/valley)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tiered</source>
            <translation>Tiered</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Spike</source>
            <translation>Spike</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Peak</source>
            <translation>Peak</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Flat</source>
            <translation>Flat</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Valley</source>
            <translation>Valley</translation>
        </message>
        <message>
            <location line="+15" />
            <source>New tariff version</source>
            <translation>New tariff version</translation>
        </message>
        <message>
            <location line="+0" />
            <source>New tariff</source>
            <translation>New tariff</translation>
        </message>
        <message>
            <location line="+20" />
            <source>per month</source>
            <translation>per month</translation>
        </message>
        <message>
            <location line="+1" />
            <source>per year</source>
            <translation>per year</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+54" />
            <source>Price (yuan/kWh)</source>
            <translation>Price (yuan/kWh)</translation>
        </message>
        <message>
            <location line="-53" />
            <source>Prices (yuan/kWh)</source>
            <translation>Prices (yuan/kWh)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Day periods</source>
            <translation>Day periods</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tiers</source>
            <translation>Tiers</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Effective from</source>
            <translation>Effective from</translation>
        </message>
        <message>
            <location line="+49" />
            <source>Up to (kWh)</source>
            <translation>Up to (kWh)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Tier {n}</source>
            <translation>Tier {n}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>(rest)</source>
            <translation>(rest)</translation>
        </message>
    </context>
    <context>
        <name>TariffsPanel</name>
        <message>
            <location filename="../../acrel_console/ui/cashier/tariffs_panel.py" line="+34" />
            <source>New tariff…</source>
            <translation>New tariff…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>New version…</source>
            <translation>New version…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Assign to meters…</source>
            <translation>Assign to meters…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refresh</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Prices (yuan/kWh)</source>
            <translation>Prices (yuan/kWh)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Periods/tiers</source>
            <translation>Periods/tiers</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Effective from</source>
            <translation>Effective from</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Versions</source>
            <translation>Versions</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Tariffs</source>
            <translation>Tariffs</translation>
        </message>
        <message>
            <location line="+0" />
            <source>tariffs</source>
            <translation>tariffs</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Your role may not change tariffs.</source>
            <translation>Your role may not change tariffs.</translation>
        </message>
        <message>
            <location line="+63" />
            <source>Day-period schedule download</source>
            <translation>Day-period schedule download</translation>
        </message>
    </context>
    <context>
        <name>TaskRunner</name>
        <message>
            <location filename="../../acrel_console/ui/tasks.py" line="+46" />
            <source>Unexpected error: {error}</source>
            <translation>Unexpected error: {error}</translation>
        </message>
    </context>
    <context>
        <name>WorkstationForm</name>
        <message>
            <location filename="../../acrel_console/ui/workstation_form.py" line="+22" />
            <source>Follow the system</source>
            <translation>Follow the system</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The new language applies the next time the console starts.</source>
            <translation>The new language applies the next time the console starts.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Apply now</source>
            <translation>Apply now</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Language</source>
            <translation>Language</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Status colours</source>
            <translation>Status colours</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Legend</source>
            <translation>Legend</translation>
        </message>
    </context>
    <context>
        <name>alarms</name>
        <message>
            <location filename="../../acrel_console/domain/alarms.py" line="+30" />
            <source>Alarm 1 (low balance)</source>
            <translation>Alarm 1 (low balance)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Alarm 2 (very low balance)</source>
            <translation>Alarm 2 (very low balance)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Arrears</source>
            <translation>Arrears</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Overload</source>
            <translation>Overload</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Under-voltage</source>
            <translation>Under-voltage</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter offline</source>
            <translation>Meter offline</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Relay opened unexpectedly</source>
            <translation>Relay opened unexpectedly</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Gateway offline</source>
            <translation>Gateway offline</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delivery conflict</source>
            <translation>Delivery conflict</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delivery MAC failure</source>
            <translation>Delivery MAC failure</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reconciliation mismatch</source>
            <translation>Reconciliation mismatch</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Integrity check failed</source>
            <translation>Integrity check failed</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Online payment case</source>
            <translation>Online payment case</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Credit not returned by the meter</source>
            <translation>Credit not returned by the meter</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/alarms.py" line="+29" />
            <source>{room}: balance {balance} yuan is at or below alarm 1.</source>
            <translation>{room}: balance {balance} yuan is at or below alarm 1.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{room}: balance {balance} yuan is at or below alarm 2.</source>
            <translation>{room}: balance {balance} yuan is at or below alarm 2.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{room}: in arrears, balance {balance} yuan.</source>
            <translation>{room}: in arrears, balance {balance} yuan.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{room}: power above the overload limit.</source>
            <translation>{room}: power above the overload limit.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{room}: voltage {voltage} V is too low.</source>
            <translation>{room}: voltage {voltage} V is too low.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{room}: the meter does not answer.</source>
            <translation>{room}: the meter does not answer.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{room}: the relay is open although the balance is {balance} yuan.</source>
            <translation>{room}: the relay is open although the balance is {balance} yuan.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Gateway {gateway} cannot be reached: {error}</source>
            <translation>Gateway {gateway} cannot be reached: {error}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{room}: delivery {command} needs an operator: {reason}</source>
            <translation>{room}: delivery {command} needs an operator: {reason}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delivery {command} was refused: its MAC does not match (forged or altered).</source>
            <translation>Delivery {command} was refused: its MAC does not match (forged or altered).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{room}: ledger balance {ledger} yuan differs from the meter's {meter} yuan.</source>
            <translation>{room}: ledger balance {ledger} yuan differs from the meter's {meter} yuan.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Integrity check failed: {problem}</source>
            <translation>Integrity check failed: {problem}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{provider} {trade}: {problem}</source>
            <translation>{provider} {trade}: {problem}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{room}: the meter refused to give back {amount} yuan; nothing was paid or moved for it.</source>
            <translation>{room}: the meter refused to give back {amount} yuan; nothing was paid or moved for it.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/alarms/severity.py" line="+22" />
            <source>Critical</source>
            <translation>Critical</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Warning</source>
            <translation>Warning</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Notice</source>
            <translation>Notice</translation>
        </message>
    </context>
    <context>
        <name>audit</name>
        <message>
            <location filename="../../acrel_console/ui/audit_kinds.py" line="+8" />
            <source>First administrator created</source>
            <translation>First administrator created</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Signed in</source>
            <translation>Signed in</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Account locked</source>
            <translation>Account locked</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Account unlocked</source>
            <translation>Account unlocked</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Operator added</source>
            <translation>Operator added</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Operator enabled</source>
            <translation>Operator enabled</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Operator disabled</source>
            <translation>Operator disabled</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Role changed</source>
            <translation>Role changed</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Role copied</source>
            <translation>Role copied</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Role permissions changed</source>
            <translation>Role permissions changed</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Role renamed</source>
            <translation>Role renamed</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Role deleted</source>
            <translation>Role deleted</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Password changed</source>
            <translation>Password changed</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Building added</source>
            <translation>Building added</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Building changed</source>
            <translation>Building changed</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Building removed</source>
            <translation>Building removed</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Gateway added</source>
            <translation>Gateway added</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Gateway changed</source>
            <translation>Gateway changed</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Gateway removed</source>
            <translation>Gateway removed</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter added</source>
            <translation>Meter added</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter changed</source>
            <translation>Meter changed</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter removed</source>
            <translation>Meter removed</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter replaced</source>
            <translation>Meter replaced</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Site defaults changed</source>
            <translation>Site defaults changed</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SMS gateway key moved to the secrets file</source>
            <translation>SMS gateway key moved to the secrets file</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Configuration imported</source>
            <translation>Configuration imported</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Site service started</source>
            <translation>Site service started</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Account opened</source>
            <translation>Account opened</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Account closed</source>
            <translation>Account closed</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter added to account</source>
            <translation>Meter added to account</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter removed from account</source>
            <translation>Meter removed from account</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Alarm acknowledged</source>
            <translation>Alarm acknowledged</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tariff created</source>
            <translation>Tariff created</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tariff version added</source>
            <translation>Tariff version added</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tariff assigned</source>
            <translation>Tariff assigned</translation>
        </message>
        <message>
            <location line="+1" />
            <source>New prices sent to meters</source>
            <translation>New prices sent to meters</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Receipt reprinted</source>
            <translation>Receipt reprinted</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Shift closed</source>
            <translation>Shift closed</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Backup made</source>
            <translation>Backup made</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Backup restored</source>
            <translation>Backup restored</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sale</source>
            <translation>Sale</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refund</source>
            <translation>Refund</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reversal</source>
            <translation>Reversal</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Opening credit</source>
            <translation>Opening credit</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Balance transfer</source>
            <translation>Balance transfer</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Trip sent</source>
            <translation>Trip sent</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Close sent</source>
            <translation>Close sent</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Keep power sent</source>
            <translation>Keep power sent</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Restore prepaid sent</source>
            <translation>Restore prepaid sent</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Price download sent</source>
            <translation>Price download sent</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Settings download sent</source>
            <translation>Settings download sent</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Clock sync sent</source>
            <translation>Clock sync sent</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Schedule download sent</source>
            <translation>Schedule download sent</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Command confirmed</source>
            <translation>Command confirmed</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Read-back mismatch</source>
            <translation>Read-back mismatch</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Command refused</source>
            <translation>Command refused</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No reply</source>
            <translation>No reply</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Command rejected by the meter</source>
            <translation>Command rejected by the meter</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Gateway unavailable</source>
            <translation>Gateway unavailable</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Command cancelled</source>
            <translation>Command cancelled</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Commands cancelled</source>
            <translation>Commands cancelled</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Commands resent</source>
            <translation>Commands resent</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter back online</source>
            <translation>Meter back online</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter offline</source>
            <translation>Meter offline</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Integrity check failed</source>
            <translation>Integrity check failed</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Backup failed</source>
            <translation>Backup failed</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delivery MAC failure</source>
            <translation>Delivery MAC failure</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delivery conflict</source>
            <translation>Delivery conflict</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Consumption billed</source>
            <translation>Consumption billed</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Billing re-based</source>
            <translation>Billing re-based</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delivery confirmed by an operator</source>
            <translation>Delivery confirmed by an operator</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Credit delivered</source>
            <translation>Credit delivered</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delivery re-issued</source>
            <translation>Delivery re-issued</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delivery renumbered</source>
            <translation>Delivery renumbered</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Text sent by hand</source>
            <translation>Text sent by hand</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SMS template changed</source>
            <translation>SMS template changed</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Test text sent</source>
            <translation>Test text sent</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tier price step</source>
            <translation>Tier price step</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Integrity check</source>
            <translation>Integrity check</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Receipt printed</source>
            <translation>Receipt printed</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Sending credit to the meter</source>
            <translation>Sending credit to the meter</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Restored deliveries read against the meters</source>
            <translation>Restored deliveries read against the meters</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Restored database found</source>
            <translation>Restored database found</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter thresholds changed</source>
            <translation>Meter thresholds changed</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Online payment cancelled</source>
            <translation>Online payment cancelled</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Online payment held</source>
            <translation>Online payment held</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Payment notice refused</source>
            <translation>Payment notice refused</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Online payment received</source>
            <translation>Online payment received</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Payment statement reconciled</source>
            <translation>Payment statement reconciled</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Payment statement could not be reconciled</source>
            <translation>Payment statement could not be reconciled</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Online payment refunded</source>
            <translation>Online payment refunded</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Online payment resolved</source>
            <translation>Online payment resolved</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Online payment refund asked again</source>
            <translation>Online payment refund asked again</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Payment provider set up</source>
            <translation>Payment provider set up</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Payment provider tested</source>
            <translation>Payment provider tested</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tenant sign-in locked</source>
            <translation>Tenant sign-in locked</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tenant signed in</source>
            <translation>Tenant signed in</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tenant signed out</source>
            <translation>Tenant signed out</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tenant PIN changed</source>
            <translation>Tenant PIN changed</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tenant PIN set</source>
            <translation>Tenant PIN set</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tenant text sent</source>
            <translation>Tenant text sent</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Existing meter credit taken over or cleared</source>
            <translation>Existing meter credit taken over or cleared</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Claim for an unreadable meter approved</source>
            <translation>Claim for an unreadable meter approved</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Account closing started</source>
            <translation>Account closing started</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Account closing stuck: a meter refused</source>
            <translation>Account closing stuck: a meter refused</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter removal started</source>
            <translation>Meter removal started</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter removal stuck: a meter refused</source>
            <translation>Meter removal stuck: a meter refused</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter replacement started</source>
            <translation>Meter replacement started</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter replacement stuck: a meter refused</source>
            <translation>Meter replacement stuck: a meter refused</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Credit asked back from a meter</source>
            <translation>Credit asked back from a meter</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter confirmed the credit given back</source>
            <translation>Meter confirmed the credit given back</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter refused to give credit back</source>
            <translation>Meter refused to give credit back</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tenants imported from the previous system</source>
            <translation>Tenants imported from the previous system</translation>
        </message>
    </context>
    <context>
        <name>cashier</name>
        <message>
            <location filename="../../acrel_console/ui/cashier/labels.py" line="+9" />
            <source>Cash</source>
            <translation>Cash</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Card terminal</source>
            <translation>Card terminal</translation>
        </message>
        <message>
            <location line="+1" />
            <source>WeChat Pay</source>
            <translation>WeChat Pay</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Alipay</source>
            <translation>Alipay</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Bank transfer</source>
            <translation>Bank transfer</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Normal sale</source>
            <translation>Normal sale</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+7" />
            <source>Reversal</source>
            <translation>Reversal</translation>
        </message>
        <message>
            <location line="-6" />
            <location line="+5" />
            <source>Refund</source>
            <translation>Refund</translation>
        </message>
        <message>
            <location line="-1" />
            <source>Sale</source>
            <translation>Sale</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Balance transfer</source>
            <translation>Balance transfer</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Opening balance</source>
            <translation>Opening balance</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Pending</source>
            <translation>Pending</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sending</source>
            <translation>Sending</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delivered</source>
            <translation>Delivered</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Conflict</source>
            <translation>Conflict</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Failed</source>
            <translation>Failed</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancelled</source>
            <translation>Cancelled</translation>
        </message>
    </context>
    <context>
        <name>confirm</name>
        <message>
            <location filename="../../acrel_console/ui/confirm.py" line="+14" />
            <source>Yes</source>
            <translation>Yes</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No</source>
            <translation>No</translation>
        </message>
        <message>
            <location line="+17" />
            <source>OK</source>
            <translation>OK</translation>
        </message>
    </context>
    <context>
        <name>control</name>
        <message>
            <location filename="../../acrel_console/services/remote_control.py" line="+67" />
            <source>Trip</source>
            <translation>Trip</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Keep power</source>
            <translation>Keep power</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Restore prepaid</source>
            <translation>Restore prepaid</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Price download</source>
            <translation>Price download</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Settings download</source>
            <translation>Settings download</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Clock sync</source>
            <translation>Clock sync</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Schedule download</source>
            <translation>Schedule download</translation>
        </message>
    </context>
    <context>
        <name>demo</name>
        <message>
            <location filename="../../acrel_console/services/demo_site.py" line="+50" />
            <source>Demo site: 212 simulated meters on 3 gateways. Sign in as admin / admin123 (administrator), operator / operator123, cashier / cashier123, supervisor / super123 or auditor / auditor123.</source>
            <translation>Demo site: 212 simulated meters on 3 gateways. Sign in as admin / admin123 (administrator), operator / operator123, cashier / cashier123, supervisor / super123 or auditor / auditor123.</translation>
        </message>
    </context>
    <context>
        <name>errors</name>
        <message>
            <location filename="../../acrel_console/cli/common.py" line="+23" />
            <source>{problem} (see '{command} --help')</source>
            <translation>{problem} (see '{command} --help')</translation>
        </message>
        <message>
            <location line="+59" />
            <source>Cannot read the password file {path}: {reason}</source>
            <translation>Cannot read the password file {path}: {reason}</translation>
        </message>
        <message>
            <location line="+20" />
            <source>There is no database at {path}: check --db (or ACREL_DB), or create it with 'acrel-console init'.</source>
            <translation>There is no database at {path}: check --db (or ACREL_DB), or create it with 'acrel-console init'.</translation>
        </message>
        <message>
            <location line="+27" />
            <source>This command needs --user NAME (password in ACREL_PASSWORD or --password-file).</source>
            <translation>This command needs --user NAME (password in ACREL_PASSWORD or --password-file).</translation>
        </message>
        <message>
            <location line="+3" />
            <location filename="../../acrel_console/cli/site.py" line="+141" />
            <source>No password: set ACREL_PASSWORD or use --password-file.</source>
            <translation>No password: set ACREL_PASSWORD or use --password-file.</translation>
        </message>
        <message>
            <location line="+111" />
            <source>The database cannot be reached: {reason}</source>
            <translation>The database cannot be reached: {reason}</translation>
        </message>
        <message>
            <location line="+9" />
            <source>The database URL is not one this program can use: {reason}</source>
            <translation>The database URL is not one this program can use: {reason}</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Cannot use the file {path}: {reason}</source>
            <translation>Cannot use the file {path}: {reason}</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Unexpected error ({kind}): {detail}. The details are in {log}.</source>
            <translation>Unexpected error ({kind}): {detail}. The details are in {log}.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/cli/maintenance.py" line="+45" />
            <source>Restore overwrites the database: add --yes to confirm.</source>
            <translation>Restore overwrites the database: add --yes to confirm.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Restore cancelled; nothing changed.</source>
            <translation>Restore cancelled; nothing changed.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/cli/site.py" line="-17" />
            <source>No new password: set ACREL_NEW_PASSWORD or use --new-password-file.</source>
            <translation>No new password: set ACREL_NEW_PASSWORD or use --new-password-file.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/cli/meters.py" line="+178" />
            <source>The site's dispatcher runs at {holder}; it polls already.</source>
            <translation>The site's dispatcher runs at {holder}; it polls already.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>No enabled gateway named {name}.</source>
            <translation>No enabled gateway named {name}.</translation>
        </message>
        <message>
            <location line="+26" />
            <location filename="../../acrel_console/cli/site.py" line="+186" />
            <location filename="../../acrel_console/services/accounts.py" line="+177" />
            <location filename="../../acrel_console/services/meter_views.py" line="-134" />
            <location filename="../../acrel_console/services/money_common.py" line="+94" />
            <location filename="../../acrel_console/services/payments.py" line="+224" />
            <location filename="../../acrel_console/services/reading_history.py" line="-66" />
            <location line="+47" />
            <location filename="../../acrel_console/services/remote_control.py" line="+184" />
            <location filename="../../acrel_console/services/site_config.py" line="+422" />
            <location line="+63" />
            <location line="+93" />
            <location filename="../../acrel_console/services/tariffs.py" line="+216" />
            <location line="+22" />
            <location line="+74" />
            <location filename="../../acrel_console/services/tenant_portal.py" line="+255" />
            <location filename="../../acrel_console/services/thresholds.py" line="+84" />
            <source>No meter {id}.</source>
            <translation>No meter {id}.</translation>
        </message>
        <message>
            <location line="+43" />
            <source>No dispatcher executed the command in time; it was cancelled.</source>
            <translation>No dispatcher executed the command in time; it was cancelled.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/domain/money.py" line="+31" />
            <source>'{text}' is not an amount of money.</source>
            <translation>'{text}' is not an amount of money.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/domain/amount_input.py" line="+81" />
            <source>'{text}': use a dot for decimals and no thousands separators (for example 1234.50).</source>
            <translation>'{text}': use a dot for decimals and no thousands separators (for example 1234.50).</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+4" />
            <source>'{text}' is not an amount: write plain digits with a dot (for example 100.50).</source>
            <translation>'{text}' is not an amount: write plain digits with a dot (for example 100.50).</translation>
        </message>
        <message>
            <location line="-1" />
            <source>'{text}': write the amount without a sign.</source>
            <translation>'{text}': write the amount without a sign.</translation>
        </message>
        <message>
            <location line="+14" />
            <location line="+6" />
            <source>The amount is too long ({count} characters).</source>
            <translation>The amount is too long ({count} characters).</translation>
        </message>
        <message>
            <location line="+7" />
            <location filename="../../acrel_console/domain/money.py" line="+6" />
            <source>'{text}': the amount cannot be negative.</source>
            <translation>'{text}': the amount cannot be negative.</translation>
        </message>
        <message>
            <location line="+4" />
            <location filename="../../acrel_console/domain/money.py" line="-4" />
            <source>An amount has at most two decimals (fen): {text}.</source>
            <translation>An amount has at most two decimals (fen): {text}.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>'{text}' has more than {places} decimals.</source>
            <translation>'{text}' has more than {places} decimals.</translation>
        </message>
        <message>
            <location line="+7" />
            <location filename="../../acrel_console/domain/money.py" line="+2" />
            <source>The amount {text} is too large.</source>
            <translation>The amount {text} is too large.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/domain/timewindows.py" line="+36" />
            <source>'{text}' is not a time window like 18:00-09:30.</source>
            <translation>'{text}' is not a time window like 18:00-09:30.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ledger/tariffs.py" line="+67" />
            <location filename="../../acrel_console/ui/cashier/tariff_presenter.py" line="+97" />
            <source>A tariff is flat, tou or tiered.</source>
            <translation>A tariff is flat, tou or tiered.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Four prices above zero and at most 99.9999 yuan/kWh.</source>
            <translation>Four prices above zero and at most 99.9999 yuan/kWh.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>A flat tariff has one price.</source>
            <translation>A flat tariff has one price.</translation>
        </message>
        <message>
            <location line="+3" />
            <location filename="../../acrel_console/ui/cashier/tariff_presenter.py" line="-13" />
            <source>A day has 1 to {n} periods.</source>
            <translation>A day has 1 to {n} periods.</translation>
        </message>
        <message>
            <location line="+4" />
            <location filename="../../acrel_console/services/remote_control.py" line="-57" />
            <source>Periods start at 00:00, ascend within the day and name 尖, 峰, 平 or 谷.</source>
            <translation>Periods start at 00:00, ascend within the day and name 尖, 峰, 平 or 谷.</translation>
        </message>
        <message>
            <location line="+4" />
            <location filename="../../acrel_console/ui/cashier/tariff_presenter.py" line="+6" />
            <source>A tiered tariff has 1 to {n} tiers per month or per year.</source>
            <translation>A tiered tariff has 1 to {n} tiers per month or per year.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Tier limits ascend and the last tier is open-ended.</source>
            <translation>Tier limits ascend and the last tier is open-ended.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Tier prices are above zero.</source>
            <translation>Tier prices are above zero.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/accounts.py" line="-67" />
            <source>An old meter balance typed in is a claim: it needs a supervisor's approval.</source>
            <translation>An old meter balance typed in is a claim: it needs a supervisor's approval.</translation>
        </message>
        <message>
            <location line="+7" />
            <location filename="../../acrel_console/ui/cashier/settle_presenter.py" line="+57" />
            <source>A claim needs a reason.</source>
            <translation>A claim needs a reason.</translation>
        </message>
        <message>
            <location line="+6" />
            <location filename="../../acrel_console/services/site_config.py" line="-508" />
            <location filename="../../acrel_console/ui/building_dialog.py" line="-18" />
            <location filename="../../acrel_console/ui/cashier/account_dialogs.py" line="+33" />
            <location filename="../../acrel_console/ui/meters/control_params.py" line="+34" />
            <location line="+17" />
            <location line="+7" />
            <location line="+29" />
            <source>{label} is required.</source>
            <translation>{label} is required.</translation>
        </message>
        <message>
            <location line="+2" />
            <location filename="../../acrel_console/services/site_config.py" line="+2" />
            <location filename="../../acrel_console/ui/building_dialog.py" line="+2" />
            <source>{label} is longer than {n} characters.</source>
            <translation>{label} is longer than {n} characters.</translation>
        </message>
        <message>
            <location line="+14" />
            <location line="+262" />
            <source>No account {id}.</source>
            <translation>No account {id}.</translation>
        </message>
        <message>
            <location line="-260" />
            <source>Account {id} is closed.</source>
            <translation>Account {id} is closed.</translation>
        </message>
        <message>
            <location line="+7" />
            <location line="+14" />
            <source>Meter {id} already belongs to {name} ({no}).</source>
            <translation>Meter {id} already belongs to {name} ({no}).</translation>
        </message>
        <message>
            <location line="+41" />
            <location filename="../../acrel_console/ui/cashier/account_dialogs.py" line="+2" />
            <source>An account needs at least one meter.</source>
            <translation>An account needs at least one meter.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>A meter is listed twice.</source>
            <translation>A meter is listed twice.</translation>
        </message>
        <message>
            <location line="+60" />
            <source>Account {id} is closing.</source>
            <translation>Account {id} is closing.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/account_changes.py" line="+126" />
            <source>Meter {meter} is being settled ({kind}, {state}): no money moves on it until that is done.</source>
            <translation>Meter {meter} is being settled ({kind}, {state}): no money moves on it until that is done.</translation>
        </message>
        <message>
            <location line="+53" />
            <source>'{text}' is not an amount in yuan.</source>
            <translation>'{text}' is not an amount in yuan.</translation>
        </message>
        <message>
            <location line="+3" />
            <location filename="../../acrel_console/ui/cashier/settle_presenter.py" line="-16" />
            <source>A claimed remaining amount cannot be negative.</source>
            <translation>A claimed remaining amount cannot be negative.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>A claim for a meter that cannot be read needs a reason.</source>
            <translation>A claim for a meter that cannot be read needs a reason.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The claim of {claim} yuan is more than the {ledger} yuan the ledger says the tenant held on meter {meter}.</source>
            <translation>The claim of {claim} yuan is more than the {ledger} yuan the ledger says the tenant held on meter {meter}.</translation>
        </message>
        <message>
            <location line="+19" />
            <location filename="../../acrel_console/services/accounts.py" line="+75" />
            <source>Account {no} is in the middle of another change ({kind}): finish that first.</source>
            <translation>Account {no} is in the middle of another change ({kind}): finish that first.</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Meter {id} is not part of this change.</source>
            <translation>Meter {id} is not part of this change.</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Meter {meter} was already asked for its credit and may have answered: wait for it before settling it by a claim.</source>
            <translation>Meter {meter} was already asked for its credit and may have answered: wait for it before settling it by a claim.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Meter {id} has deliveries not yet confirmed: deliver, reverse or resolve them first.</source>
            <translation>Meter {id} has deliveries not yet confirmed: deliver, reverse or resolve them first.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Meter {id} is in arrears: settle the debt with a sale first.</source>
            <translation>Meter {id} is in arrears: settle the debt with a sale first.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/accounts.py" line="-61" />
            <location filename="../../acrel_console/ui/cashier/settle_dialogs.py" line="+108" />
            <source>Name the meter the balance moves to.</source>
            <translation>Name the meter the balance moves to.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>A balance cannot move to the meter it leaves.</source>
            <translation>A balance cannot move to the meter it leaves.</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Meter {id} is not in account {account}.</source>
            <translation>Meter {id} is not in account {account}.</translation>
        </message>
        <message>
            <location line="-23" />
            <source>Settle by 'refund' or 'transfer'.</source>
            <translation>Settle by 'refund' or 'transfer'.</translation>
        </message>
        <message>
            <location line="+55" />
            <location line="+31" />
            <source>Meter {id} is not opened.</source>
            <translation>Meter {id} is not opened.</translation>
        </message>
        <message>
            <location line="-28" />
            <source>The new meter must be another meter.</source>
            <translation>The new meter must be another meter.</translation>
        </message>
        <message>
            <location line="+33" />
            <location line="+4" />
            <source>Meter {id} has no refused clearing to try again.</source>
            <translation>Meter {id} has no refused clearing to try again.</translation>
        </message>
        <message>
            <location line="+22" />
            <source>No account change {id}.</source>
            <translation>No account change {id}.</translation>
        </message>
        <message>
            <location line="+30" />
            <source>No single account matches '{key}'.</source>
            <translation>No single account matches '{key}'.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/alarms.py" line="+203" />
            <source>No alarm {id}.</source>
            <translation>No alarm {id}.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Alarm {id} was already acknowledged by {name}.</source>
            <translation>Alarm {id} was already acknowledged by {name}.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/backup.py" line="+49" />
            <source>This database has no file to back up.</source>
            <translation>This database has no file to back up.</translation>
        </message>
        <message>
            <location line="+14" />
            <source>{path} is not a readable database: {reason}</source>
            <translation>{path} is not a readable database: {reason}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{path} failed the integrity check: {reason}</source>
            <translation>{path} failed the integrity check: {reason}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>{path} is not an Acrel Console database (missing {tables}).</source>
            <translation>{path} is not an Acrel Console database (missing {tables}).</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The disk is full: the backup {path} was not written; older backups are kept.</source>
            <translation>The disk is full: the backup {path} was not written; older backups are kept.</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+24" />
            <source>The backup {path} could not be written: {reason}</source>
            <translation>The backup {path} could not be written: {reason}</translation>
        </message>
        <message>
            <location line="+33" />
            <source>The backup {path} does not match its manifest: its operation log was cut or rewritten after it was taken.</source>
            <translation>The backup {path} does not match its manifest: its operation log was cut or rewritten after it was taken.</translation>
        </message>
        <message>
            <location line="+63" />
            <source>No such backup file: {path}</source>
            <translation>No such backup file: {path}</translation>
        </message>
        <message>
            <location line="+42" />
            <source>{tool} is not installed; it is needed for PostgreSQL backups.</source>
            <translation>{tool} is not installed; it is needed for PostgreSQL backups.</translation>
        </message>
        <message>
            <location line="+13" />
            <source>pg_dump failed: {reason}</source>
            <translation>pg_dump failed: {reason}</translation>
        </message>
        <message>
            <location line="+9" />
            <location line="+11" />
            <source>{path} is not a usable PostgreSQL backup.</source>
            <translation>{path} is not a usable PostgreSQL backup.</translation>
        </message>
        <message>
            <location line="+14" />
            <location line="+6" />
            <source>pg_restore failed: {reason}</source>
            <translation>pg_restore failed: {reason}</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/base.py" line="+121" />
            <source>{name} ({role}) may not do this: it needs the '{permission}' right.</source>
            <translation>{name} ({role}) may not do this: it needs the '{permission}' right.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/config_io.py" line="+69" />
            <source>Import refused, nothing changed: sheet {sheet}, row {row}, column {column}: {message} ({count} problems in all)</source>
            <translation>Import refused, nothing changed: sheet {sheet}, row {row}, column {column}: {message} ({count} problems in all)</translation>
        </message>
        <message>
            <location line="+39" />
            <source>Unknown column '{header}'; this sheet's columns are: {known}.</source>
            <translation>Unknown column '{header}'; this sheet's columns are: {known}.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Column '{header}' appears twice.</source>
            <translation>Column '{header}' appears twice.</translation>
        </message>
        <message>
            <location line="+23" />
            <source>A value in a column without a header.</source>
            <translation>A value in a column without a header.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/xlsx_bounds.py" line="+62" />
            <source>Cannot read {path}: {reason}</source>
            <translation>Cannot read {path}: {reason}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{file} is {size} MB; an import file may have at most {limit} MB.</source>
            <translation>{file} is {size} MB; an import file may have at most {limit} MB.</translation>
        </message>
        <message>
            <location line="+7" />
            <location line="+33" />
            <source>Cannot read {path} as an .xlsx workbook: {reason}</source>
            <translation>Cannot read {path} as an .xlsx workbook: {reason}</translation>
        </message>
        <message>
            <location line="-30" />
            <source>{file} holds {count} parts; an .xlsx workbook to import may hold at most {limit}.</source>
            <translation>{file} holds {count} parts; an .xlsx workbook to import may hold at most {limit}.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>{file} is refused unread: its part {part} would inflate {ratio} times (at most {limit}); this is what a zip bomb looks like.</source>
            <translation>{file} is refused unread: its part {part} would inflate {ratio} times (at most {limit}); this is what a zip bomb looks like.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>{file} is refused unread: it would inflate to {size} MB (at most {limit} MB).</source>
            <translation>{file} is refused unread: it would inflate to {size} MB (at most {limit} MB).</translation>
        </message>
        <message>
            <location line="+43" />
            <source>Sheet {sheet}, row {row}: reading took longer than {seconds} s; the import was stopped.</source>
            <translation>Sheet {sheet}, row {row}: reading took longer than {seconds} s; the import was stopped.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Sheet {sheet} has more than {limit} rows (row {row} and below are not read); delete the rows below your data.</source>
            <translation>Sheet {sheet} has more than {limit} rows (row {row} and below are not read); delete the rows below your data.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Sheet {sheet}, row {row}, column {column}: a workbook to import has at most {limit} columns.</source>
            <translation>Sheet {sheet}, row {row}, column {column}: a workbook to import has at most {limit} columns.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Sheet {sheet}, row {row}: more than {limit} filled cells in the workbook.</source>
            <translation>Sheet {sheet}, row {row}: more than {limit} filled cells in the workbook.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Sheet {sheet} cannot be read: {reason}</source>
            <translation>Sheet {sheet} cannot be read: {reason}</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/export.py" line="+152" />
            <source>Export to {path} was cancelled.</source>
            <translation>Export to {path} was cancelled.</translation>
        </message>
        <message>
            <location line="+45" />
            <source>The file {path} could not be written: {reason}.</source>
            <translation>The file {path} could not be written: {reason}.</translation>
        </message>
        <message>
            <location line="+62" />
            <source>Too many rows for one Excel sheet (at most {limit}).</source>
            <translation>Too many rows for one Excel sheet (at most {limit}).</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/money_common.py" line="-23" />
            <source>The amount must be greater than zero.</source>
            <translation>The amount must be greater than zero.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Unknown payment method '{method}'.</source>
            <translation>Unknown payment method '{method}'.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>'{id}' is not a UUID.</source>
            <translation>'{id}' is not a UUID.</translation>
        </message>
        <message>
            <location line="+8" />
            <location filename="../../acrel_console/services/remote_control.py" line="+60" />
            <location filename="../../acrel_console/services/thresholds.py" line="+2" />
            <source>Meter {id} is retired.</source>
            <translation>Meter {id} is retired.</translation>
        </message>
        <message>
            <location line="+7" />
            <location filename="../../acrel_console/services/payments.py" line="-3" />
            <source>Meter {id} is not opened: open an account for it first.</source>
            <translation>Meter {id} is not opened: open an account for it first.</translation>
        </message>
        <message>
            <location line="+60" />
            <location filename="../../acrel_console/services/vending.py" line="+171" />
            <location line="+113" />
            <source>The id {id} was already used for another operation.</source>
            <translation>The id {id} was already used for another operation.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/operators.py" line="+79" />
            <location filename="../../acrel_console/ui/operator_checks.py" line="+12" />
            <source>An operator name is 1-64 characters without spaces.</source>
            <translation>An operator name is 1-64 characters without spaces.</translation>
        </message>
        <message>
            <location line="+7" />
            <location filename="../../acrel_console/ui/operator_checks.py" line="+6" />
            <source>A password has at least {n} characters.</source>
            <translation>A password has at least {n} characters.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/roles.py" line="+68" />
            <source>Unknown role '{role}'.</source>
            <translation>Unknown role '{role}'.</translation>
        </message>
        <message>
            <location line="+7" />
            <location filename="../../acrel_console/ui/roles_panel.py" line="-179" />
            <source>A role name is 1-64 characters.</source>
            <translation>A role name is 1-64 characters.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>'{name}' is the name of a built-in role.</source>
            <translation>'{name}' is the name of a built-in role.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>A role named {name} already exists.</source>
            <translation>A role named {name} already exists.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Unknown permission '{permission}'.</source>
            <translation>Unknown permission '{permission}'.</translation>
        </message>
        <message>
            <location line="+14" />
            <source>The built-in role {role} cannot be changed: copy it and change the copy.</source>
            <translation>The built-in role {role} cannot be changed: copy it and change the copy.</translation>
        </message>
        <message>
            <location line="+93" />
            <source>Role {name} is held by {operators}: give them another role first.</source>
            <translation>Role {name} is held by {operators}: give them another role first.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/operators.py" line="+27" />
            <source>The first administrator already exists.</source>
            <translation>The first administrator already exists.</translation>
        </message>
        <message>
            <location line="+17" />
            <location line="+10" />
            <source>Wrong operator name or password.</source>
            <translation>Wrong operator name or password.</translation>
        </message>
        <message>
            <location line="-8" />
            <source>This account is locked until {until}.</source>
            <translation>This account is locked until {until}.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>This account is disabled.</source>
            <translation>This account is disabled.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Too many wrong passwords: locked until {until}.</source>
            <translation>Too many wrong passwords: locked until {until}.</translation>
        </message>
        <message>
            <location line="+25" />
            <source>An operator named {name} already exists.</source>
            <translation>An operator named {name} already exists.</translation>
        </message>
        <message>
            <location line="+13" />
            <source>No operator named {name}.</source>
            <translation>No operator named {name}.</translation>
        </message>
        <message>
            <location line="+13" />
            <source>The last enabled administrator cannot be disabled.</source>
            <translation>The last enabled administrator cannot be disabled.</translation>
        </message>
        <message>
            <location line="+16" />
            <source>The last enabled administrator must stay an administrator.</source>
            <translation>The last enabled administrator must stay an administrator.</translation>
        </message>
        <message>
            <location line="+22" />
            <source>The current password is wrong.</source>
            <translation>The current password is wrong.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/account_changes.py" line="-86" />
            <location filename="../../acrel_console/services/accounts.py" line="-309" />
            <location filename="../../acrel_console/services/operators.py" line="+10" />
            <location filename="../../acrel_console/services/vending.py" line="-13" />
            <location filename="../../acrel_console/ui/cashier/settle_presenter.py" line="+13" />
            <source>The approver must be a different operator.</source>
            <translation>The approver must be a different operator.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/polling/poller.py" line="+187" />
            <source>No enabled gateway to poll.</source>
            <translation>No enabled gateway to poll.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/remote_control.py" line="-128" />
            <location filename="../../acrel_console/services/site_config.py" line="-13" />
            <location filename="../../acrel_console/services/site_settings.py" line="+173" />
            <source>{label}: '{value}' is not a whole number.</source>
            <translation>{label}: '{value}' is not a whole number.</translation>
        </message>
        <message>
            <location line="+3" />
            <location filename="../../acrel_console/services/site_config.py" line="+3" />
            <location filename="../../acrel_console/services/site_settings.py" line="+3" />
            <source>{label}: {value} is outside {minimum}..{maximum}.</source>
            <translation>{label}: {value} is outside {minimum}..{maximum}.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Unknown command '{kind}'; known: {choices}.</source>
            <translation>Unknown command '{kind}'; known: {choices}.</translation>
        </message>
        <message>
            <location line="+6" />
            <location line="+7" />
            <location filename="../../acrel_console/ui/cashier/tariff_presenter.py" line="-11" />
            <source>Four prices are needed (spike, peak, flat, valley).</source>
            <translation>Four prices are needed (spike, peak, flat, valley).</translation>
        </message>
        <message>
            <location line="+4" />
            <source>A price must be zero or more.</source>
            <translation>A price must be zero or more.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Alarm 1 and alarm 2 are downloaded together.</source>
            <translation>Alarm 1 and alarm 2 are downloaded together.</translation>
        </message>
        <message>
            <location line="+4" />
            <location filename="../../acrel_console/services/site_settings.py" line="+33" />
            <source>Alarm 1 must be greater than alarm 2, and alarm 2 at least zero.</source>
            <translation>Alarm 1 must be greater than alarm 2, and alarm 2 at least zero.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Overload power must be a multiple of 10 W.</source>
            <translation>Overload power must be a multiple of 10 W.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Nothing to download: give alarm amounts or overload power.</source>
            <translation>Nothing to download: give alarm amounts or overload power.</translation>
        </message>
        <message>
            <location line="+58" />
            <location filename="../../acrel_console/services/thresholds.py" line="-6" />
            <location filename="../../acrel_console/ui/cashier/tariff_dialogs.py" line="+104" />
            <source>Select at least one meter.</source>
            <translation>Select at least one meter.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>At most {n} meters in one batch.</source>
            <translation>At most {n} meters in one batch.</translation>
        </message>
        <message>
            <location line="+96" />
            <source>No command batch {id}.</source>
            <translation>No command batch {id}.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/shifts.py" line="+82" />
            <source>No shift {id}.</source>
            <translation>No shift {id}.</translation>
        </message>
        <message>
            <location line="+34" />
            <source>Shift {id} is already closed.</source>
            <translation>Shift {id} is already closed.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/site_config.py" line="+19" />
            <source>'{value}' is not HOST:PORT.</source>
            <translation>'{value}' is not HOST:PORT.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Gateway mode must be one of {choices}.</source>
            <translation>Gateway mode must be one of {choices}.</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Baud rate must be one of {choices}.</source>
            <translation>Baud rate must be one of {choices}.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Parity must be N, E or O.</source>
            <translation>Parity must be N, E or O.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Stop bits must be 1 or 2.</source>
            <translation>Stop bits must be 1 or 2.</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Zone '{value}': use letters, digits, '-' and '_'.</source>
            <translation>Zone '{value}': use letters, digits, '-' and '_'.</translation>
        </message>
        <message>
            <location line="+14" />
            <source>{label}: '{value}' is not yes or no.</source>
            <translation>{label}: '{value}' is not yes or no.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Unknown meter model '{model}'; known: {choices}.</source>
            <translation>Unknown meter model '{model}'; known: {choices}.</translation>
        </message>
        <message>
            <location line="+98" />
            <location line="+20" />
            <source>A building named {name} already exists.</source>
            <translation>A building named {name} already exists.</translation>
        </message>
        <message>
            <location line="-6" />
            <location line="+22" />
            <source>No building {name}.</source>
            <translation>No building {name}.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Building {name} still has meters or gateways.</source>
            <translation>Building {name} still has meters or gateways.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>No building named {name}.</source>
            <translation>No building named {name}.</translation>
        </message>
        <message>
            <location line="+18" />
            <location line="+26" />
            <source>A gateway named {name} already exists.</source>
            <translation>A gateway named {name} already exists.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/cli/site.py" line="-49" />
            <location filename="../../acrel_console/services/site_config.py" line="-11" />
            <source>No gateway {name}.</source>
            <translation>No gateway {name}.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/site_config.py" line="+30" />
            <source>Gateway {name} still has {n} meters; remove them first.</source>
            <translation>Gateway {name} still has {n} meters; remove them first.</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Gateway {other} already uses {endpoint}: the same line cannot be configured twice.</source>
            <translation>Gateway {other} already uses {endpoint}: the same line cannot be configured twice.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>No gateway named {name}.</source>
            <translation>No gateway named {name}.</translation>
        </message>
        <message>
            <location line="+68" />
            <source>A {model} takes addresses {address} to {last}; the last address is {maximum}.</source>
            <translation>A {model} takes addresses {address} to {last}; the last address is {maximum}.</translation>
        </message>
        <message>
            <location line="+15" />
            <location filename="../../acrel_console/ui/meter_dialog.py" line="+17" />
            <source>Address {address} is already used on bus {gateway}.</source>
            <translation>Address {address} is already used on bus {gateway}.</translation>
        </message>
        <message>
            <location line="+85" />
            <source>No meter {ref} to be the main meter.</source>
            <translation>No meter {ref} to be the main meter.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>A main meter cannot be a sub-meter itself, nor a meter its own main meter.</source>
            <translation>A main meter cannot be a sub-meter itself, nor a meter its own main meter.</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Meter {id} has money or command records; replace or retire it instead of removing.</source>
            <translation>Meter {id} has money or command records; replace or retire it instead of removing.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/site_settings.py" line="-68" />
            <source>{label}: expected yes or no, got '{value}'.</source>
            <translation>{label}: expected yes or no, got '{value}'.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>{label}: '{value}' is not a time zone name (for example Asia/Shanghai).</source>
            <translation>{label}: '{value}' is not a time zone name (for example Asia/Shanghai).</translation>
        </message>
        <message>
            <location line="+12" />
            <source>{label}: '{value}' is not a price in yuan/kWh (up to 4 decimals).</source>
            <translation>{label}: '{value}' is not a price in yuan/kWh (up to 4 decimals).</translation>
        </message>
        <message>
            <location line="+26" />
            <source>The SMS driver is none, modem or http.</source>
            <translation>The SMS driver is none, modem or http.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The SMS modem needs a serial port.</source>
            <translation>The SMS modem needs a serial port.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The SMS gateway URL starts with http:// or https:// and carries {phone} (in the URL or the body).</source>
            <translation>The SMS gateway URL starts with http:// or https:// and carries {phone} (in the URL or the body).</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The SMS gateway template carries a credential ({name}): put it in 'SMS gateway key' and write {{key}} in its place.</source>
            <translation>The SMS gateway template carries a credential ({name}): put it in 'SMS gateway key' and write {{key}} in its place.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The SMS gateway template uses {{key}} but no SMS gateway key is set.</source>
            <translation>The SMS gateway template uses {{key}} but no SMS gateway key is set.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The SMS gateway method is GET or POST.</source>
            <translation>The SMS gateway method is GET or POST.</translation>
        </message>
        <message>
            <location line="+47" />
            <source>Unknown setting: {key}.</source>
            <translation>Unknown setting: {key}.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/tariffs.py" line="-172" />
            <location filename="../../acrel_console/ui/cashier/tariff_presenter.py" line="-6" />
            <source>A tariff needs a name.</source>
            <translation>A tariff needs a name.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>A tariff named {name} already exists.</source>
            <translation>A tariff named {name} already exists.</translation>
        </message>
        <message>
            <location line="+19" />
            <location line="+28" />
            <location line="+20" />
            <source>No tariff {id}.</source>
            <translation>No tariff {id}.</translation>
        </message>
        <message>
            <location line="-46" />
            <source>A new version keeps the tariff's kind ({kind}).</source>
            <translation>A new version keeps the tariff's kind ({kind}).</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/vending.py" line="-182" />
            <source>This sale would bring meter {meter} to {after} yuan, above its maximum stored credit of {limit} yuan (囤积上限).</source>
            <translation>This sale would bring meter {meter} to {after} yuan, above its maximum stored credit of {limit} yuan (囤积上限).</translation>
        </message>
        <message>
            <location line="+185" />
            <location filename="../../acrel_console/ui/cashier/operation_presenter.py" line="-20" />
            <source>A reversal needs a reason.</source>
            <translation>A reversal needs a reason.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>No sale {id}.</source>
            <translation>No sale {id}.</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Sale {id} is already fully reversed.</source>
            <translation>Sale {id} is already fully reversed.</translation>
        </message>
        <message>
            <location line="+2" />
            <location filename="../../acrel_console/ui/cashier/operation_presenter.py" line="-4" />
            <source>At most {open} yuan of this sale can still be reversed.</source>
            <translation>At most {open} yuan of this sale can still be reversed.</translation>
        </message>
        <message>
            <location line="-102" />
            <source>A refund of {amount} yuan is more than meter {meter} can give back: the tenant's balance is {ledger} yuan by the ledger, the meter last showed {shown} yuan.</source>
            <translation>A refund of {amount} yuan is more than meter {meter} can give back: the tenant's balance is {ledger} yuan by the ledger, the meter last showed {shown} yuan.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>A reversal of {amount} yuan is more than meter {meter} can give back: the tenant's balance is {ledger} yuan by the ledger, the meter last showed {shown} yuan. Reverse a smaller amount.</source>
            <translation>A reversal of {amount} yuan is more than meter {meter} can give back: the tenant's balance is {ledger} yuan by the ledger, the meter last showed {shown} yuan. Reverse a smaller amount.</translation>
        </message>
        <message>
            <location line="+131" />
            <source>Sale {id} belongs to account {no} ({name}), which is closed or no longer holds meter {meter}: its balance was settled when it closed. A reversal now would take the money from the meter's next tenant; it is refused.</source>
            <translation>Sale {id} belongs to account {no} ({name}), which is closed or no longer holds meter {meter}: its balance was settled when it closed. A reversal now would take the money from the meter's next tenant; it is refused.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>No operation {id}.</source>
            <translation>No operation {id}.</translation>
        </message>
        <message>
            <location line="+24" />
            <source>No delivery {id}.</source>
            <translation>No delivery {id}.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Re-issuing a delivery needs a reason.</source>
            <translation>Re-issuing a delivery needs a reason.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Delivery {id} is not in conflict or failed.</source>
            <translation>Delivery {id} is not in conflict or failed.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Delivery {id} has no ledger operation; it cannot be delivered again.</source>
            <translation>Delivery {id} has no ledger operation; it cannot be delivered again.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>The operation log shows delivery {id} of this operation reached the meter; it is not delivered again.</source>
            <translation>The operation log shows delivery {id} of this operation reached the meter; it is not delivered again.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Delivery {id} was a return the meter refused and it is settled: nothing was paid. Make a new one if the tenant still asks.</source>
            <translation>Delivery {id} was a return the meter refused and it is settled: nothing was paid. Make a new one if the tenant still asks.</translation>
        </message>
        <message>
            <location line="+27" />
            <source>Delivery {id} is not in conflict.</source>
            <translation>Delivery {id} is not in conflict.</translation>
        </message>
        <message>
            <location line="-4" />
            <source>Confirming a delivery needs a reason.</source>
            <translation>Confirming a delivery needs a reason.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/login_dialog.py" line="+9" />
            <source>Enter the operator name and password.</source>
            <translation>Enter the operator name and password.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/meter_dialog.py" line="-5" />
            <source>Add a gateway first: every meter hangs on one.</source>
            <translation>Add a gateway first: every meter hangs on one.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/operator_checks.py" line="+3" />
            <source>The two passwords are not the same.</source>
            <translation>The two passwords are not the same.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/records.py" line="+227" />
            <source>No receipt for {key}.</source>
            <translation>No receipt for {key}.</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Which receipt?</source>
            <translation>Which receipt?</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/reports/energy.py" line="+34" />
            <source>Group by meter, tenant or building, not '{group}'.</source>
            <translation>Group by meter, tenant or building, not '{group}'.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/reports/model.py" line="+109" />
            <source>'{text}' is not a {kind} (use YYYY-MM-DD, YYYY-MM or YYYY).</source>
            <translation>'{text}' is not a {kind} (use YYYY-MM-DD, YYYY-MM or YYYY).</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The period ends before it starts.</source>
            <translation>The period ends before it starts.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/drivers/api.py" line="+69" />
            <source>Communication with the meter failed</source>
            <translation>Communication with the meter failed</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The serial port or gateway cannot be reached</source>
            <translation>The serial port or gateway cannot be reached</translation>
        </message>
        <message>
            <location line="+6" />
            <location filename="../../acrel_console/services/site_config.py" line="-354" />
            <source>The port {port} does not support {setting}.</source>
            <translation>The port {port} does not support {setting}.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>The meter did not answer</source>
            <translation>The meter did not answer</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The meter's reply was garbled</source>
            <translation>The meter's reply was garbled</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The meter flooded the line with data and was cut off</source>
            <translation>The meter flooded the line with data and was cut off</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The meter's reply was corrupted on the line (CRC error)</source>
            <translation>The meter's reply was corrupted on the line (CRC error)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>This command is not possible on this meter</source>
            <translation>This command is not possible on this meter</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The meter refused the command</source>
            <translation>The meter refused the command</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/reports/sales.py" line="+251" />
            <source>No tenant {id}.</source>
            <translation>No tenant {id}.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/meters/control_params.py" line="-50" />
            <source>{label} may be at most {maximum}.</source>
            <translation>{label} may be at most {maximum}.</translation>
        </message>
        <message>
            <location line="+32" />
            <source>Alarm 1 must be greater than alarm 2.</source>
            <translation>Alarm 1 must be greater than alarm 2.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>{label} must be more than zero.</source>
            <translation>{label} must be more than zero.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Enter the alarm amounts, the overload power, or both.</source>
            <translation>Enter the alarm amounts, the overload power, or both.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/cli/reports.py" line="+33" />
            <source>No SMS driver is configured on this site.</source>
            <translation>No SMS driver is configured on this site.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/sms.py" line="+176" />
            <source>An SMS template cannot be empty.</source>
            <translation>An SMS template cannot be empty.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The SMS template has an unmatched brace: {text}</source>
            <translation>The SMS template has an unmatched brace: {text}</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Unknown placeholder {{{name}}} in the SMS template; use {allowed}.</source>
            <translation>Unknown placeholder {{{name}}} in the SMS template; use {allowed}.</translation>
        </message>
        <message>
            <location line="+124" />
            <source>{level} texts have no template.</source>
            <translation>{level} texts have no template.</translation>
        </message>
        <message>
            <location line="+88" />
            <source>Meter {meter} does not exist.</source>
            <translation>Meter {meter} does not exist.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Meter {meter} has no tenant phone number.</source>
            <translation>Meter {meter} has no tenant phone number.</translation>
        </message>
        <message>
            <location line="+36" />
            <location filename="../../acrel_console/services/tenant_portal.py" line="+160" />
            <source>'{phone}' is not a phone number.</source>
            <translation>'{phone}' is not a phone number.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/cashier/operation_presenter.py" line="-16" />
            <source>Choose a meter first.</source>
            <translation>Choose a meter first.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/domain/amount_input.py" line="-22" />
            <location filename="../../acrel_console/ui/cashier/operation_presenter.py" line="+10" />
            <source>Enter an amount.</source>
            <translation>Enter an amount.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/cashier/operation_presenter.py" line="+4" />
            <source>Choose the sale to reverse.</source>
            <translation>Choose the sale to reverse.</translation>
        </message>
        <message>
            <location line="+8" />
            <location filename="../../acrel_console/ui/cashier/shift_dialog.py" line="-28" />
            <source>A supervisor signs in to approve.</source>
            <translation>A supervisor signs in to approve.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Enter the supervisor's password.</source>
            <translation>Enter the supervisor's password.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/cli/sales.py" line="+227" />
            <source>The approver's password: set ACREL_APPROVER_PASSWORD or use --approver-password-file.</source>
            <translation>The approver's password: set ACREL_APPROVER_PASSWORD or use --approver-password-file.</translation>
        </message>
        <message>
            <location line="+49" />
            <location line="+11" />
            <source>Write a claim as METER=YUAN.</source>
            <translation>Write a claim as METER=YUAN.</translation>
        </message>
        <message>
            <location line="-7" />
            <source>A claim needs --approver (a supervisor) and --claim-reason.</source>
            <translation>A claim needs --approver (a supervisor) and --claim-reason.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/cashier/account_dialogs.py" line="+51" />
            <location filename="../../acrel_console/ui/cashier/settle_dialogs.py" line="+67" />
            <source>No unopened meter is left.</source>
            <translation>No unopened meter is left.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/cashier/tariff_dialogs.py" line="-2" />
            <source>Create a tariff first.</source>
            <translation>Create a tariff first.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/cashier/tariff_presenter.py" line="-43" />
            <source>'{text}' is not a price: yuan/kWh above zero with at most 4 decimals.</source>
            <translation>'{text}' is not a price: yuan/kWh above zero with at most 4 decimals.</translation>
        </message>
        <message>
            <location line="+14" />
            <source>'{text}' is not a time of day (HH:MM).</source>
            <translation>'{text}' is not a time of day (HH:MM).</translation>
        </message>
        <message>
            <location line="+7" />
            <source>'{text}' is not a tier limit in kWh (above zero).</source>
            <translation>'{text}' is not a tier limit in kWh (above zero).</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ledger/book.py" line="+191" />
            <source>Meter commands cannot be signed: {problem}. Install the site key (ACREL_SITE_KEY or the site.key file) first.</source>
            <translation>Meter commands cannot be signed: {problem}. Install the site key (ACREL_SITE_KEY or the site.key file) first.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/cashier/operation_form.py" line="-37" />
            <source>Operation {id} is not a sale of this meter: choose the meter it was sold to first.</source>
            <translation>Operation {id} is not a sale of this meter: choose the meter it was sold to first.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/cli/portal.py" line="+90" />
            <source>This command needs the new PIN in ACREL_NEW_PIN (or --generate).</source>
            <translation>This command needs the new PIN in ACREL_NEW_PIN (or --generate).</translation>
        </message>
        <message>
            <location filename="../../acrel_console/domain/pins.py" line="+26" />
            <source>A PIN is {minimum} to {maximum} digits.</source>
            <translation>A PIN is {minimum} to {maximum} digits.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>This PIN is too easy to guess (one digit repeated, or a run like 123456).</source>
            <translation>This PIN is too easy to guess (one digit repeated, or a run like 123456).</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/tenant_access.py" line="+151" />
            <source>Too many wrong sign-ins from this device: try again in {minutes} minutes.</source>
            <translation>Too many wrong sign-ins from this device: try again in {minutes} minutes.</translation>
        </message>
        <message>
            <location line="+29" />
            <source>Wrong account number or PIN.</source>
            <translation>Wrong account number or PIN.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Too many wrong PINs: sign-in is locked until {until}.</source>
            <translation>Too many wrong PINs: sign-in is locked until {until}.</translation>
        </message>
        <message>
            <location line="+31" />
            <location filename="../../acrel_console/services/tenant_portal.py" line="-106" />
            <location line="+118" />
            <source>No open account with number {no}.</source>
            <translation>No open account with number {no}.</translation>
        </message>
        <message>
            <location line="+134" />
            <source>The new PIN is the same as the current one.</source>
            <translation>The new PIN is the same as the current one.</translation>
        </message>
        <message>
            <location line="+6" />
            <location line="+6" />
            <source>The current PIN is wrong.</source>
            <translation>The current PIN is wrong.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/tenant_portal.py" line="-247" />
            <source>This site does not allow switching meters from the portal.</source>
            <translation>This site does not allow switching meters from the portal.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>A command for this meter is still in progress.</source>
            <translation>A command for this meter is still in progress.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The meter cannot be reached now; try again later.</source>
            <translation>The meter cannot be reached now; try again later.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The site office keeps this meter powered; it cannot be switched off here.</source>
            <translation>The site office keeps this meter powered; it cannot be switched off here.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The meter is already switched off.</source>
            <translation>The meter is already switched off.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The power is already off.</source>
            <translation>The power is already off.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The meter is not switched off.</source>
            <translation>The meter is not switched off.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The site office switched this meter off; please contact them.</source>
            <translation>The site office switched this meter off; please contact them.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The balance is not positive: recharge first, then switch on.</source>
            <translation>The balance is not positive: recharge first, then switch on.</translation>
        </message>
        <message>
            <location line="+248" />
            <source>Online recharge is not available here.</source>
            <translation>Online recharge is not available here.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/payments.py" line="-88" />
            <location line="+128" />
            <location line="+23" />
            <location filename="../../acrel_console/services/tenant_portal.py" line="+13" />
            <location line="+3" />
            <source>No payment order {id}.</source>
            <translation>No payment order {id}.</translation>
        </message>
        <message>
            <location line="-142" />
            <source>the meter is retired</source>
            <translation>the meter is retired</translation>
        </message>
        <message>
            <location line="+3" />
            <source>the meter is metering-only and takes no credit</source>
            <translation>the meter is metering-only and takes no credit</translation>
        </message>
        <message>
            <location line="+5" />
            <source>the meter's account is closed</source>
            <translation>the meter's account is closed</translation>
        </message>
        <message>
            <location line="+2" />
            <source>the meter now belongs to another tenant</source>
            <translation>the meter now belongs to another tenant</translation>
        </message>
        <message>
            <location line="+6" />
            <source>it would hold {after} yuan, above its stored-credit limit of {limit} yuan</source>
            <translation>it would hold {after} yuan, above its stored-credit limit of {limit} yuan</translation>
        </message>
        <message>
            <location line="+69" />
            <source>Meter {meter} cannot take online credit now: {reason}.</source>
            <translation>Meter {meter} cannot take online credit now: {reason}.</translation>
        </message>
        <message>
            <location line="+19" />
            <source>{provider} did not take the order: {error}</source>
            <translation>{provider} did not take the order: {error}</translation>
        </message>
        <message>
            <location line="+262" />
            <location filename="../../acrel_console/services/tenant_portal.py" line="-262" />
            <location line="+173" />
            <source>Unknown action.</source>
            <translation>Unknown action.</translation>
        </message>
        <message>
            <location line="+2" />
            <location filename="../../acrel_console/ui/payment_cases_panel.py" line="-140" />
            <source>A decision needs a reason.</source>
            <translation>A decision needs a reason.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Payment order {id} is not waiting for a decision.</source>
            <translation>Payment order {id} is not waiting for a decision.</translation>
        </message>
        <message>
            <location line="+13" />
            <source>The meter cannot take this payment: {reason}. Refund it instead.</source>
            <translation>The meter cannot take this payment: {reason}. Refund it instead.</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Payment order {id} owes no refund.</source>
            <translation>Payment order {id} owes no refund.</translation>
        </message>
        <message>
            <location line="+76" />
            <source>{provider} is not set up on this site (Settings → Online payment).</source>
            <translation>{provider} is not set up on this site (Settings → Online payment).</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/tenant_portal.py" line="-50" />
            <source>Days must be between 1 and {n}.</source>
            <translation>Days must be between 1 and {n}.</translation>
        </message>
        <message>
            <location line="+67" />
            <source>Too many switch commands: the next is possible in {minutes} minutes.</source>
            <translation>Too many switch commands: the next is possible in {minutes} minutes.</translation>
        </message>
        <message>
            <location line="+16" />
            <source>No command {id}.</source>
            <translation>No command {id}.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Unknown text kind '{kind}'.</source>
            <translation>Unknown text kind '{kind}'.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/reading_history.py" line="-58" />
            <source>The end date is before the start date.</source>
            <translation>The end date is before the start date.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/deliveries.py" line="+51" />
            <source>This meter does not take remote recharge; the money stays on the tenant's account for a refund or a transfer.</source>
            <translation>This meter does not take remote recharge; the money stays on the tenant's account for a refund or a transfer.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/audit.py" line="+85" />
            <source>This computer has no site key, and the site's operation log is keyed: nothing was changed. Copy site.key from the service machine to {path} (or set ACREL_SITE_KEY).</source>
            <translation>This computer has no site key, and the site's operation log is keyed: nothing was changed. Copy site.key from the service machine to {path} (or set ACREL_SITE_KEY).</translation>
        </message>
        <message>
            <location line="+14" />
            <source>This computer's site key is not the site's, so it may not write the operation log: nothing was changed. Copy site.key from the service machine to {path}.</source>
            <translation>This computer's site key is not the site's, so it may not write the operation log: nothing was changed. Copy site.key from the service machine to {path}.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/reports/losses.py" line="+74" />
            <source>Loss analysis is by day, by month or over the whole period, not '{by}'.</source>
            <translation>Loss analysis is by day, by month or over the whole period, not '{by}'.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/direct_delivery.py" line="+114" />
            <location line="+5" />
            <source>The site service runs: it reconciles restored deliveries itself and prints what it finds.</source>
            <translation>The site service runs: it reconciles restored deliveries itself and prints what it finds.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/payment_config.py" line="+75" />
            <location filename="../../acrel_console/services/payments.py" line="-413" />
            <source>Unknown payment provider '{provider}'.</source>
            <translation>Unknown payment provider '{provider}'.</translation>
        </message>
        <message>
            <location line="+38" />
            <source>Unknown payment setting '{name}'.</source>
            <translation>Unknown payment setting '{name}'.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The payment setting '{name}' is required.</source>
            <translation>The payment setting '{name}' is required.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The APIv3 key has 32 characters.</source>
            <translation>The APIv3 key has 32 characters.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The platform public key and its id go together (public-key mode), or neither (platform-certificate mode).</source>
            <translation>The platform public key and its id go together (public-key mode), or neither (platform-certificate mode).</translation>
        </message>
        <message>
            <location line="+5" />
            <source>This private key is not an RSA private key (PEM, or its base64 text).</source>
            <translation>This private key is not an RSA private key (PEM, or its base64 text).</translation>
        </message>
        <message>
            <location line="+2" />
            <source>This public key is not an RSA public key (PEM, or its base64 text).</source>
            <translation>This public key is not an RSA public key (PEM, or its base64 text).</translation>
        </message>
        <message>
            <location line="+4" />
            <source>'{value}' is not a web address.</source>
            <translation>'{value}' is not a web address.</translation>
        </message>
        <message>
            <location line="+63" />
            <source>The connection test failed: {error}</source>
            <translation>The connection test failed: {error}</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/payment_statements.py" line="-53" />
            <source>The statement could not be downloaded: {error}</source>
            <translation>The statement could not be downloaded: {error}</translation>
        </message>
        <message>
            <location line="+5" />
            <source>This is not a {provider} statement: {error}</source>
            <translation>This is not a {provider} statement: {error}</translation>
        </message>
        <message>
            <location line="+25" />
            <source>The file is too large.</source>
            <translation>The file is too large.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/cli/payments.py" line="+59" />
            <source>'{value}' is not FIELD=VALUE.</source>
            <translation>'{value}' is not FIELD=VALUE.</translation>
        </message>
        <message>
            <location line="+14" />
            <source>The key '{name}' is not taken from the command line: give it with --file {name}=PATH.</source>
            <translation>The key '{name}' is not taken from the command line: give it with --file {name}=PATH.</translation>
        </message>
        <message>
            <location line="+7" />
            <location filename="../../acrel_console/services/payment_statements.py" line="+3" />
            <location filename="../../acrel_console/ui/payment_setup_form.py" line="-206" />
            <source>Cannot read {path}: {error}</source>
            <translation>Cannot read {path}: {error}</translation>
        </message>
        <message>
            <location line="+93" />
            <source>'{value}' is not a date (YYYY-MM-DD).</source>
            <translation>'{value}' is not a date (YYYY-MM-DD).</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/migration_import.py" line="+260" />
            <source>Nothing was imported: {n} row(s) have problems (see the list or the report).</source>
            <translation>Nothing was imported: {n} row(s) have problems (see the list or the report).</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Nothing was imported: {n} row(s) differ from their meters' readings. Look at them; import with the differences accepted (the meters' readings are booked).</source>
            <translation>Nothing was imported: {n} row(s) differ from their meters' readings. Look at them; import with the differences accepted (the meters' readings are booked).</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/takeover.py" line="+89" />
            <source>Existing credit is either taken over or cleared.</source>
            <translation>Existing credit is either taken over or cleared.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Meter {meter} still has deliveries on their way: wait for them before opening it.</source>
            <translation>Meter {meter} still has deliveries on their way: wait for them before opening it.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Meter {meter} was last read at {read_at}: read it again (refresh meter status) before deciding about the {amount} yuan it showed.</source>
            <translation>Meter {meter} was last read at {read_at}: read it again (refresh meter status) before deciding about the {amount} yuan it showed.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Meter {meter} holds {amount} yuan this console did not sell (read {read_at}, purchase count {count}). Choose: take it over as the tenant's opening balance, or clear it from the meter. Nothing was opened.</source>
            <translation>Meter {meter} holds {amount} yuan this console did not sell (read {read_at}, purchase count {count}). Choose: take it over as the tenant's opening balance, or clear it from the meter. Nothing was opened.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/cashier/settle_presenter.py" line="-20" />
            <source>Enter what meter {id} is claimed to hold.</source>
            <translation>Enter what meter {id} is claimed to hold.</translation>
        </message>
        <message>
            <location line="+17" />
            <source>A supervisor signs in here to approve the claim.</source>
            <translation>A supervisor signs in here to approve the claim.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/payment_setup_form.py" line="-3" />
            <source>{path} is not a key file (too large).</source>
            <translation>{path} is not a key file (too large).</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/cashier/pin_dialog.py" line="+18" />
            <source>The two PINs differ.</source>
            <translation>The two PINs differ.</translation>
        </message>
    </context>
    <context>
        <name>export</name>
        <message>
            <location filename="../../acrel_console/services/export.py" line="-160" />
            <source>Site</source>
            <translation>Site</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Period</source>
            <translation>Period</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Generated by</source>
            <translation>Generated by</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Generated at</source>
            <translation>Generated at</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Total</source>
            <translation>Total</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/meter_views.py" line="+89" />
            <source>Gateway</source>
            <translation>Gateway</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Address</source>
            <translation>Address</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Room</source>
            <translation>Room</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Meter no.</source>
            <translation>Meter no.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Model</source>
            <translation>Model</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Tenant</source>
            <translation>Tenant</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../acrel_console/services/reading_history.py" line="+86" />
            <source>Remaining (yuan)</source>
            <translation>Remaining (yuan)</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../acrel_console/services/reading_history.py" line="+1" />
            <source>Total energy (kWh)</source>
            <translation>Total energy (kWh)</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../acrel_console/services/reading_history.py" line="+1" />
            <source>Spike (kWh)</source>
            <translation>Spike (kWh)</translation>
        </message>
        <message>
            <location line="+0" />
            <location filename="../../acrel_console/services/reading_history.py" line="+1" />
            <source>Peak (kWh)</source>
            <translation>Peak (kWh)</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../acrel_console/services/reading_history.py" line="+1" />
            <source>Flat (kWh)</source>
            <translation>Flat (kWh)</translation>
        </message>
        <message>
            <location line="+0" />
            <location filename="../../acrel_console/services/reading_history.py" line="+1" />
            <source>Valley (kWh)</source>
            <translation>Valley (kWh)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Purchase count</source>
            <translation>Purchase count</translation>
        </message>
        <message>
            <location line="+0" />
            <location filename="../../acrel_console/services/reading_history.py" line="+5" />
            <source>Relay</source>
            <translation>Relay</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Keep power</source>
            <translation>Keep power</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Last seen</source>
            <translation>Last seen</translation>
        </message>
        <message>
            <location line="+3" />
            <location filename="../../acrel_console/services/reading_history.py" line="+3" />
            <source>yes</source>
            <translation>yes</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../acrel_console/services/reading_history.py" line="+1" />
            <source>no</source>
            <translation>no</translation>
        </message>
        <message>
            <location line="+0" />
            <location filename="../../acrel_console/services/reading_history.py" line="+0" />
            <source>closed</source>
            <translation>closed</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../acrel_console/services/reading_history.py" line="+1" />
            <source>open</source>
            <translation>open</translation>
        </message>
        <message>
            <location line="-2" />
            <source>Meter readings</source>
            <translation>Meter readings</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/reading_history.py" line="-16" />
            <source>Read at</source>
            <translation>Read at</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Power (W)</source>
            <translation>Power (W)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>In arrears</source>
            <translation>In arrears</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Account open</source>
            <translation>Account open</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Forced mode</source>
            <translation>Forced mode</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Lost contact</source>
            <translation>Lost contact</translation>
        </message>
        <message>
            <location line="+2" />
            <source>History readings</source>
            <translation>History readings</translation>
        </message>
    </context>
    <context>
        <name>fields</name>
        <message>
            <location filename="../../acrel_console/ui/messages.py" line="+19" />
            <source>Building name</source>
            <translation>Building name</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Floor</source>
            <translation>Floor</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Area</source>
            <translation>Area</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Gateway name</source>
            <translation>Gateway name</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Serial port</source>
            <translation>Serial port</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Host</source>
            <translation>Host</translation>
        </message>
        <message>
            <location line="+1" />
            <source>TCP port</source>
            <translation>TCP port</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Baud rate</source>
            <translation>Baud rate</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stop bits</source>
            <translation>Stop bits</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Timeout (ms)</source>
            <translation>Timeout (ms)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Retries</source>
            <translation>Retries</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Inter-frame delay (ms)</source>
            <translation>Inter-frame delay (ms)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>RS485 address</source>
            <translation>RS485 address</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Room</source>
            <translation>Room</translation>
        </message>
        <message>
            <location line="+1" />
            <source>CT ratio</source>
            <translation>CT ratio</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Circuit</source>
            <translation>Circuit</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter number</source>
            <translation>Meter number</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/cashier/labels.py" line="+26" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Phone</source>
            <translation>Phone</translation>
        </message>
    </context>
    <context>
        <name>integrity</name>
        <message>
            <location filename="../../acrel_console/services/integrity.py" line="+46" />
            <source>Integrity: checking…</source>
            <translation>Integrity: checking…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Integrity: OK</source>
            <translation>Integrity: OK</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Integrity: {count} problem(s)</source>
            <translation>Integrity: {count} problem(s)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Integrity: database unreachable</source>
            <translation>Integrity: database unreachable</translation>
        </message>
    </context>
    <context>
        <name>lease</name>
        <message>
            <location filename="../../acrel_console/services/lease.py" line="+37" />
            <source>No site service since {since}; your sale is booked and will be delivered when it returns.</source>
            <translation>No site service since {since}; your sale is booked and will be delivered when it returns.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No site service since {since}; the command runs from this workstation.</source>
            <translation>No site service since {since}; the command runs from this workstation.</translation>
        </message>
    </context>
    <context>
        <name>meter_errors</name>
        <message>
            <location filename="../../acrel_console/ui/error_words.py" line="+20" />
            <source>No reply in time ({detail})</source>
            <translation>No reply in time ({detail})</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Damaged reply, CRC check failed ({detail})</source>
            <translation>Damaged reply, CRC check failed ({detail})</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The meter refused the request ({detail})</source>
            <translation>The meter refused the request ({detail})</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The line cannot be reached ({detail})</source>
            <translation>The line cannot be reached ({detail})</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unreadable reply ({detail})</source>
            <translation>Unreadable reply ({detail})</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The meter does not answer ({detail}); the credit waits</source>
            <translation>The meter does not answer ({detail}); the credit waits</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Waiting for an earlier delivery to this meter</source>
            <translation>Waiting for an earlier delivery to this meter</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Not sent from this computer: {detail}</source>
            <translation>Not sent from this computer: {detail}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Sent, but the meter could not be read back ({detail}); it is read first next time</source>
            <translation>Sent, but the meter could not be read back ({detail}); it is read first next time</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Not applied after a resend; tried again at the next run</source>
            <translation>Not applied after a resend; tried again at the next run</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The meter's purchase count is {count}, {a} or {b} was expected: check the meter before anything is resent</source>
            <translation>The meter's purchase count is {count}, {a} or {b} was expected: check the meter before anything is resent</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The meter shows purchase count {count} after purchase {sent} was sent</source>
            <translation>The meter shows purchase count {count} after purchase {sent} was sent</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Restored database: the meter shows purchase count {count} where this delivery expects {a}; it may have been delivered after the backup (check the meter)</source>
            <translation>Restored database: the meter shows purchase count {count} where this delivery expects {a}; it may have been delivered after the backup (check the meter)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The meter refused: taking {yuan} yuan back would leave it below zero</source>
            <translation>The meter refused: taking {yuan} yuan back would leave it below zero</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Invalid request: {detail}</source>
            <translation>Invalid request: {detail}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The meter reads back other values: {detail}</source>
            <translation>The meter reads back other values: {detail}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The command's signature does not match: refused, nothing sent</source>
            <translation>The command's signature does not match: refused, nothing sent</translation>
        </message>
        <message>
            <location line="+2" />
            <source>An older copy of this command was put back: refused, nothing sent</source>
            <translation>An older copy of this command was put back: refused, nothing sent</translation>
        </message>
    </context>
    <context>
        <name>meters</name>
        <message>
            <location filename="../../acrel_console/ui/meters/batch_dialog.py" line="-218" />
            <location filename="../../acrel_console/ui/meters/detail_panel.py" line="-121" />
            <location filename="../../acrel_console/ui/meters/live_model.py" line="+78" />
            <source>Room</source>
            <translation>Room</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Command</source>
            <translation>Command</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Result</source>
            <translation>Result</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/meters/detail_panel.py" line="+4" />
            <source>Gateway / address</source>
            <translation>Gateway / address</translation>
        </message>
        <message>
            <location line="+2" />
            <location filename="../../acrel_console/ui/meters/live_model.py" line="+1" />
            <location filename="../../acrel_console/ui/meters/readings_export.py" line="+52" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location line="-5" />
            <location filename="../../acrel_console/ui/meters/live_model.py" line="+2" />
            <location line="+52" />
            <source>Tenant</source>
            <translation>Tenant</translation>
        </message>
        <message>
            <location line="-2" />
            <source>Meter</source>
            <translation>Meter</translation>
        </message>
        <message>
            <location line="+3" />
            <location filename="../../acrel_console/ui/meters/live_model.py" line="-50" />
            <source>Account no.</source>
            <translation>Account no.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/meters/batch_dialog.py" line="-3" />
            <location filename="../../acrel_console/ui/meters/detail_panel.py" line="+1" />
            <location filename="../../acrel_console/ui/meters/live_model.py" line="+2" />
            <source>Meter no.</source>
            <translation>Meter no.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/meters/live_model.py" line="+1" />
            <location line="+51" />
            <source>Gateway</source>
            <translation>Gateway</translation>
        </message>
        <message>
            <location line="-50" />
            <source>Address</source>
            <translation>Address</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Building</source>
            <translation>Building</translation>
        </message>
        <message>
            <location line="+56" />
            <source>Pending commands: {n}</source>
            <translation>Pending commands: {n}</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/meters/detail_panel.py" line="+2" />
            <location filename="../../acrel_console/ui/meters/live_model.py" line="-54" />
            <source>Model</source>
            <translation>Model</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Money</source>
            <translation>Money</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../acrel_console/ui/meters/live_model.py" line="+1" />
            <location line="+42" />
            <source>Remaining (yuan)</source>
            <translation>Remaining (yuan)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Alarm 1 / 2 (yuan)</source>
            <translation>Alarm 1 / 2 (yuan)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Relay and mode</source>
            <translation>Relay and mode</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Status bits</source>
            <translation>Status bits</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Electrical</source>
            <translation>Electrical</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Voltage (V)</source>
            <translation>Voltage (V)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Current (A)</source>
            <translation>Current (A)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Active power (kW)</source>
            <translation>Active power (kW)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reactive power (kvar)</source>
            <translation>Reactive power (kvar)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Power factor</source>
            <translation>Power factor</translation>
        </message>
        <message>
            <location line="+1" />
            <source>PT / CT ratio</source>
            <translation>PT / CT ratio</translation>
        </message>
        <message>
            <location line="+2" />
            <location filename="../../acrel_console/ui/meters/live_model.py" line="-40" />
            <source>Energy (kWh)</source>
            <translation>Energy (kWh)</translation>
        </message>
        <message>
            <location line="+18" />
            <source>fault</source>
            <translation>fault</translation>
        </message>
        <message>
            <location line="+1" />
            <source>fee control</source>
            <translation>fee control</translation>
        </message>
        <message>
            <location line="+1" />
            <source>over limit</source>
            <translation>over limit</translation>
        </message>
        <message>
            <location line="+1" />
            <source>arrears</source>
            <translation>arrears</translation>
        </message>
        <message>
            <location line="+1" />
            <source>alarm 1</source>
            <translation>alarm 1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>alarm 2</source>
            <translation>alarm 2</translation>
        </message>
        <message>
            <location line="+1" />
            <source>forced</source>
            <translation>forced</translation>
        </message>
        <message>
            <location line="+1" />
            <source>forced open</source>
            <translation>forced open</translation>
        </message>
        <message>
            <location line="+121" />
            <source>none</source>
            <translation>none</translation>
        </message>
        <message>
            <location line="-164" />
            <location filename="../../acrel_console/ui/meters/live_model.py" line="+2" />
            <source>Purchases</source>
            <translation>Purchases</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/meters/filter_boxes.py" line="+12" />
            <source>Remaining</source>
            <translation>Remaining</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Connection</source>
            <translation>Connection</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/meters/detail_panel.py" line="+4" />
            <location filename="../../acrel_console/ui/meters/filter_boxes.py" line="+1" />
            <location filename="../../acrel_console/ui/meters/live_model.py" line="+3" />
            <location line="+36" />
            <source>Relay</source>
            <translation>Relay</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/meters/filter_boxes.py" line="+1" />
            <source>Meter mode</source>
            <translation>Meter mode</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Account</source>
            <translation>Account</translation>
        </message>
        <message>
            <location line="+3" />
            <source>All</source>
            <translation>All</translation>
        </message>
        <message>
            <location line="+1" />
            <source>≤ 0</source>
            <translation>≤ 0</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&gt; 0</source>
            <translation>&gt; 0</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Online</source>
            <translation>Online</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Offline</source>
            <translation>Offline</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../acrel_console/ui/meters/formatting.py" line="+47" />
            <source>Closed</source>
            <translation>Closed</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../acrel_console/ui/meters/formatting.py" line="+0" />
            <source>Open</source>
            <translation>Open</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Prepaid mode</source>
            <translation>Prepaid mode</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Forced mode</source>
            <translation>Forced mode</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Opened</source>
            <translation>Opened</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unopened</source>
            <translation>Unopened</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/meters/detail_panel.py" line="+1" />
            <location filename="../../acrel_console/ui/meters/live_model.py" line="-34" />
            <location line="+35" />
            <source>Mode</source>
            <translation>Mode</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../acrel_console/ui/meters/live_model.py" line="-32" />
            <location line="+43" />
            <location filename="../../acrel_console/ui/meters/markers.py" line="+21" />
            <source>Overload</source>
            <translation>Overload</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/meters/live_model.py" line="-41" />
            <source>Alarm 1 (yuan)</source>
            <translation>Alarm 1 (yuan)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Alarm 2 (yuan)</source>
            <translation>Alarm 2 (yuan)</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/meters/detail_panel.py" line="+2" />
            <location filename="../../acrel_console/ui/meters/live_model.py" line="+2" />
            <source>Pending commands</source>
            <translation>Pending commands</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Total</source>
            <translation>Total</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Spike (尖)</source>
            <translation>Spike (尖)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Peak (峰)</source>
            <translation>Peak (峰)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Flat (平)</source>
            <translation>Flat (平)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Valley (谷)</source>
            <translation>Valley (谷)</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/meters/batch_dialog.py" line="+2" />
            <location filename="../../acrel_console/ui/meters/detail_panel.py" line="+2" />
            <source>Communication</source>
            <translation>Communication</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/meters/detail_panel.py" line="+1" />
            <location filename="../../acrel_console/ui/meters/live_model.py" line="+2" />
            <source>Last seen</source>
            <translation>Last seen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter clock</source>
            <translation>Meter clock</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Clock drift</source>
            <translation>Clock drift</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../acrel_console/ui/meters/live_model.py" line="+2" />
            <source>Failed reads</source>
            <translation>Failed reads</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Back-off level</source>
            <translation>Back-off level</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../acrel_console/ui/meters/live_model.py" line="+2" />
            <source>Last error</source>
            <translation>Last error</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/meters/markers.py" line="-3" />
            <source>Relay open</source>
            <translation>Relay open</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Forced mode (keep power / forced trip)</source>
            <translation>Forced mode (keep power / forced trip)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Command pending</source>
            <translation>Command pending</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/meters/control_actions.py" line="+36" />
            <source>Download the four tariff prices (spike, peak, flat, valley) to the selected meters</source>
            <translation>Download the four tariff prices (spike, peak, flat, valley) to the selected meters</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/meters/tile_delegate.py" line="+38" />
            <source>Tripped</source>
            <translation>Tripped</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Keep power</source>
            <translation>Keep power</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/meters/control_actions.py" line="+10" />
            <source>Forced close: the relay stays closed whatever the balance</source>
            <translation>Forced close: the relay stays closed whatever the balance</translation>
        </message>
        <message>
            <location line="-1" />
            <source>Forced close</source>
            <translation>Forced close</translation>
        </message>
        <message>
            <location line="-10" />
            <source>Price settings</source>
            <translation>Price settings</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Alarm settings</source>
            <translation>Alarm settings</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Forced trip</source>
            <translation>Forced trip</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Forced trip: open the relay and keep it open</source>
            <translation>Forced trip: open the relay and keep it open</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Restore prepaid</source>
            <translation>Restore prepaid</translation>
        </message>
        <message>
            <location line="+1" />
            <source>End forced mode: the meter's own prepaid logic decides the relay</source>
            <translation>End forced mode: the meter's own prepaid logic decides the relay</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Close the relay under prepaid control (refused when the balance is not positive)</source>
            <translation>Close the relay under prepaid control (refused when the balance is not positive)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Sync clock</source>
            <translation>Sync clock</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Set the meters' clocks to the site time</source>
            <translation>Set the meters' clocks to the site time</translation>
        </message>
        <message>
            <location line="-15" />
            <source>Export readings</source>
            <translation>Export readings</translation>
        </message>
        <message>
            <location line="-20" />
            <source>Tiered price settings</source>
            <translation>Tiered price settings</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Assign a tiered tariff to the selected meters (the console downloads each tier's price as the tenant crosses it)</source>
            <translation>Assign a tiered tariff to the selected meters (the console downloads each tier's price as the tenant crosses it)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Set alarm 1 and alarm 2 of the selected meters: downloaded to prepaid meters and confirmed by read-back, applied by the console for console-billed meters</source>
            <translation>Set alarm 1 and alarm 2 of the selected meters: downloaded to prepaid meters and confirmed by read-back, applied by the console for console-billed meters</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Power threshold settings</source>
            <translation>Power threshold settings</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Set the overload power of the selected meters (downloaded with read-back, or applied by the console)</source>
            <translation>Set the overload power of the selected meters (downloaded with read-back, or applied by the console)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Save the selected (or all shown) meters' current state as an Excel file</source>
            <translation>Save the selected (or all shown) meters' current state as an Excel file</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Send alarm texts</source>
            <translation>Send alarm texts</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Text the tenants of the selected meters their alarm message now (level by each meter's status)</source>
            <translation>Text the tenants of the selected meters their alarm message now (level by each meter's status)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Refresh status</source>
            <translation>Refresh status</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Read the selected meters' gateways now</source>
            <translation>Read the selected meters' gateways now</translation>
        </message>
        <message>
            <location line="+1" />
            <source>History readings</source>
            <translation>History readings</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The selected meter's stored readings over a date range</source>
            <translation>The selected meter's stored readings over a date range</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Settings download</source>
            <translation>Settings download</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Schedule download</source>
            <translation>Schedule download</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+8" />
            <source>Waiting</source>
            <translation>Waiting</translation>
        </message>
        <message>
            <location line="-7" />
            <location line="+8" />
            <source>Sending</source>
            <translation>Sending</translation>
        </message>
        <message>
            <location line="-7" />
            <source>Answered</source>
            <translation>Answered</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Failed</source>
            <translation>Failed</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Conflict</source>
            <translation>Conflict</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+12" />
            <source>Cancelled</source>
            <translation>Cancelled</translation>
        </message>
        <message>
            <location line="-7" />
            <source>Confirmed by read-back</source>
            <translation>Confirmed by read-back</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Read-back mismatch</source>
            <translation>Read-back mismatch</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refused</source>
            <translation>Refused</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No reply</source>
            <translation>No reply</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter rejected it</source>
            <translation>Meter rejected it</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not possible on this meter</source>
            <translation>Not possible on this meter</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Gateway unreachable</source>
            <translation>Gateway unreachable</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Error</source>
            <translation>Error</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/meters/control_dialog.py" line="-58" />
            <source>and {n} more</source>
            <translation>and {n} more</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/meters/control_params.py" line="-58" />
            <source>Spike price (尖)</source>
            <translation>Spike price (尖)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Peak price (峰)</source>
            <translation>Peak price (峰)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Flat price (平)</source>
            <translation>Flat price (平)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Valley price (谷)</source>
            <translation>Valley price (谷)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Alarm 1 amount (yuan)</source>
            <translation>Alarm 1 amount (yuan)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Alarm 2 amount (yuan)</source>
            <translation>Alarm 2 amount (yuan)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Overload power (kW)</source>
            <translation>Overload power (kW)</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/meters/control_dialog.py" line="+50" />
            <location filename="../../acrel_console/ui/meters/control_params.py" line="+60" />
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/meters/formatting.py" line="-7" />
            <source>Yes</source>
            <translation>Yes</translation>
        </message>
        <message>
            <location line="+0" />
            <source>No</source>
            <translation>No</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Prepaid</source>
            <translation>Prepaid</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Forced close (keep power)</source>
            <translation>Forced close (keep power)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Forced open</source>
            <translation>Forced open</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../acrel_console/ui/meters/tile_delegate.py" line="+2" />
            <source>Forced</source>
            <translation>Forced</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/meters/readings_export.py" line="+3" />
            <source>Building / gateway</source>
            <translation>Building / gateway</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Search</source>
            <translation>Search</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Meter readings</source>
            <translation>Meter readings</translation>
        </message>
    </context>
    <context>
        <name>migration</name>
        <message>
            <location filename="../../acrel_console/services/migration_import.py" line="+29" />
            <source>Row</source>
            <translation>Row</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter no.</source>
            <translation>Meter no.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Shop/room</source>
            <translation>Shop/room</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tenant</source>
            <translation>Tenant</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Old account no.</source>
            <translation>Old account no.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remaining (sheet)</source>
            <translation>Remaining (sheet)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remaining (meter)</source>
            <translation>Remaining (meter)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Difference</source>
            <translation>Difference</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Purchases (sheet)</source>
            <translation>Purchases (sheet)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Purchases (meter)</source>
            <translation>Purchases (meter)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter read at</source>
            <translation>Meter read at</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Result</source>
            <translation>Result</translation>
        </message>
        <message>
            <location line="+1" />
            <source>New account no.</source>
            <translation>New account no.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Notes</source>
            <translation>Notes</translation>
        </message>
        <message>
            <location line="+2" />
            <source>imported</source>
            <translation>imported</translation>
        </message>
        <message>
            <location line="+1" />
            <source>imported, differs from the sheet</source>
            <translation>imported, differs from the sheet</translation>
        </message>
        <message>
            <location line="+1" />
            <source>not imported: problem</source>
            <translation>not imported: problem</translation>
        </message>
        <message>
            <location line="+1" />
            <source>ready</source>
            <translation>ready</translation>
        </message>
        <message>
            <location line="+1" />
            <source>differs from the sheet</source>
            <translation>differs from the sheet</translation>
        </message>
        <message>
            <location line="+1" />
            <source>problem</source>
            <translation>problem</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Migration report</source>
            <translation>Migration report</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Migration check (nothing imported yet)</source>
            <translation>Migration check (nothing imported yet)</translation>
        </message>
    </context>
    <context>
        <name>payments</name>
        <message>
            <location filename="../../acrel_console/services/payment_config.py" line="-160" />
            <source>WeChat Pay</source>
            <translation>WeChat Pay</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Alipay</source>
            <translation>Alipay</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/payment_statements.py" line="-106" />
            <source>Matched</source>
            <translation>Matched</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Missing in the ledger</source>
            <translation>Missing in the ledger</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Missing in the statement</source>
            <translation>Missing in the statement</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Amount differs</source>
            <translation>Amount differs</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Payment</source>
            <translation>Payment</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Refund</source>
            <translation>Refund</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Result</source>
            <translation>Result</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Transaction no.</source>
            <translation>Transaction no.</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Merchant order no.</source>
            <translation>Merchant order no.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Statement (yuan)</source>
            <translation>Statement (yuan)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Ledger (yuan)</source>
            <translation>Ledger (yuan)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Difference (yuan)</source>
            <translation>Difference (yuan)</translation>
        </message>
    </context>
    <context>
        <name>permissions</name>
        <message>
            <location filename="../../acrel_console/domain/roles.py" line="+82" />
            <source>View meters, records, reports and logs</source>
            <translation>View meters, records, reports and logs</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sell, refund, open and close accounts</source>
            <translation>Sell, refund, open and close accounts</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Approve reversals and claims</source>
            <translation>Approve reversals and claims</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Close cashier shifts</source>
            <translation>Close cashier shifts</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Control meters and download settings</source>
            <translation>Control meters and download settings</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Manage tariffs</source>
            <translation>Manage tariffs</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Acknowledge alarms</source>
            <translation>Acknowledge alarms</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Configure buildings, gateways and meters</source>
            <translation>Configure buildings, gateways and meters</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Backups, restore and integrity checks</source>
            <translation>Backups, restore and integrity checks</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Run the site service (poll and dispatch)</source>
            <translation>Run the site service (poll and dispatch)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Manage operators and roles</source>
            <translation>Manage operators and roles</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Set payment merchant keys and other secrets</source>
            <translation>Set payment merchant keys and other secrets</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Reports and queries</source>
            <translation>Reports and queries</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sales</source>
            <translation>Sales</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter operations</source>
            <translation>Meter operations</translation>
        </message>
        <message>
            <location line="+2" />
            <source>System settings</source>
            <translation>System settings</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Sign-in management</source>
            <translation>Sign-in management</translation>
        </message>
    </context>
    <context>
        <name>portal</name>
        <message>
            <location filename="../../acrel_console/portal/pages.py" line="-90" />
            <location filename="../../acrel_console/portal/words.py" line="+27" />
            <source>The form expired; please try again.</source>
            <translation>The form expired; please try again.</translation>
        </message>
        <message>
            <location line="+171" />
            <location filename="../../acrel_console/portal/words.py" line="+61" />
            <source>The two new PINs differ.</source>
            <translation>The two new PINs differ.</translation>
        </message>
        <message>
            <location line="+3" />
            <location filename="../../acrel_console/portal/words.py" line="+1" />
            <source>PIN changed. Other signed-in devices were signed out.</source>
            <translation>PIN changed. Other signed-in devices were signed out.</translation>
        </message>
        <message>
            <location line="+9" />
            <location filename="../../acrel_console/portal/words.py" line="+8" />
            <source>Saved.</source>
            <translation>Saved.</translation>
        </message>
        <message>
            <location filename="../../acrel_console/portal/words.py" line="-85" />
            <source>Tenant service</source>
            <translation>Tenant service</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Home</source>
            <translation>Home</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Recharges</source>
            <translation>Recharges</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sign out</source>
            <translation>Sign out</translation>
        </message>
        <message>
            <location line="+1" />
            <source>中文</source>
            <translation>中文</translation>
        </message>
        <message>
            <location line="+1" />
            <source>English</source>
            <translation>English</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Back</source>
            <translation>Back</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Sign in</source>
            <translation>Sign in</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Account no.</source>
            <translation>Account no.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>PIN</source>
            <translation>PIN</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Your account number and PIN are on the slip from the site office.</source>
            <translation>Your account number and PIN are on the slip from the site office.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Clear</source>
            <translation>Clear</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delete</source>
            <translation>Delete</translation>
        </message>
        <message>
            <location line="+2" />
            <source>You were signed out. Please sign in again.</source>
            <translation>You were signed out. Please sign in again.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Hello, {name}</source>
            <translation>Hello, {name}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Account no. {no} · {room}</source>
            <translation>Account no. {no} · {room}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Your PIN is still the one from the slip: please change it in Settings.</source>
            <translation>Your PIN is still the one from the slip: please change it in Settings.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remaining amount</source>
            <translation>Remaining amount</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{amount} yuan</source>
            <translation>{amount} yuan</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not read yet</source>
            <translation>Not read yet</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Top-up on its way to the meter: {amount} yuan</source>
            <translation>Top-up on its way to the meter: {amount} yuan</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Power</source>
            <translation>Power</translation>
        </message>
        <message>
            <location line="+1" />
            <source>On</source>
            <translation>On</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Off</source>
            <translation>Off</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unknown</source>
            <translation>Unknown</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Kept on by the site office</source>
            <translation>Kept on by the site office</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Last reading</source>
            <translation>Last reading</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter no.</source>
            <translation>Meter no.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Daily usage</source>
            <translation>Daily usage</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refresh</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Recharge at the site office.</source>
            <translation>Recharge at the site office.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No meter is on this account.</source>
            <translation>No meter is on this account.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Switch off</source>
            <translation>Switch off</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Switch on</source>
            <translation>Switch on</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Switch this meter off? Everything on it loses power.</source>
            <translation>Switch this meter off? Everything on it loses power.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Switching off: waiting for the meter…</source>
            <translation>Switching off: waiting for the meter…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Switching on: waiting for the meter…</source>
            <translation>Switching on: waiting for the meter…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Switched off: confirmed by the meter.</source>
            <translation>Switched off: confirmed by the meter.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Switched on: confirmed by the meter.</source>
            <translation>Switched on: confirmed by the meter.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The meter refused: the balance is not positive.</source>
            <translation>The meter refused: the balance is not positive.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The meter did not confirm the command; please try again or contact the site office.</source>
            <translation>The meter did not confirm the command; please try again or contact the site office.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Daily energy, last {days} days</source>
            <translation>Daily energy, last {days} days</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This month ({month}) by tariff period</source>
            <translation>This month ({month}) by tariff period</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Period</source>
            <translation>Period</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Energy (kWh)</source>
            <translation>Energy (kWh)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Total</source>
            <translation>Total</translation>
        </message>
        <message>
            <location line="+1" />
            <source>kWh</source>
            <translation>kWh</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Recharge history</source>
            <translation>Recharge history</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No recharges yet.</source>
            <translation>No recharges yet.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Receipt no.</source>
            <translation>Receipt no.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sale</source>
            <translation>Sale</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Opening balance</source>
            <translation>Opening balance</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refund</source>
            <translation>Refund</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reversal</source>
            <translation>Reversal</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cash</source>
            <translation>Cash</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Card terminal</source>
            <translation>Card terminal</translation>
        </message>
        <message>
            <location line="+1" />
            <source>WeChat Pay</source>
            <translation>WeChat Pay</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Alipay</source>
            <translation>Alipay</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Bank transfer</source>
            <translation>Bank transfer</translation>
        </message>
        <message>
            <location line="+1" />
            <source>On its way to the meter</source>
            <translation>On its way to the meter</translation>
        </message>
        <message>
            <location line="+1" />
            <source>On the meter</source>
            <translation>On the meter</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancelled</source>
            <translation>Cancelled</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Being checked by the site office</source>
            <translation>Being checked by the site office</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Change PIN</source>
            <translation>Change PIN</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Current PIN</source>
            <translation>Current PIN</translation>
        </message>
        <message>
            <location line="+1" />
            <source>New PIN</source>
            <translation>New PIN</translation>
        </message>
        <message>
            <location line="+1" />
            <source>New PIN again</source>
            <translation>New PIN again</translation>
        </message>
        <message>
            <location line="+1" />
            <source>6 to 12 digits.</source>
            <translation>6 to 12 digits.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Text messages</source>
            <translation>Text messages</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Phone number</source>
            <translation>Phone number</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Low balance (alarm 1)</source>
            <translation>Low balance (alarm 1)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Very low balance (alarm 2)</source>
            <translation>Very low balance (alarm 2)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Arrears</source>
            <translation>Arrears</translation>
        </message>
        <message>
            <location line="+1" />
            <source>After each recharge</source>
            <translation>After each recharge</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Your details</source>
            <translation>Your details</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Room</source>
            <translation>Room</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Opened on</source>
            <translation>Opened on</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Recharge online</source>
            <translation>Recharge online</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Amount (yuan)</source>
            <translation>Amount (yuan)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Scan with the app to pay.</source>
            <translation>Scan with the app to pay.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Pay now</source>
            <translation>Pay now</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Waiting for the payment…</source>
            <translation>Waiting for the payment…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Paid and delivered to the meter.</source>
            <translation>Paid and delivered to the meter.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Paid. On its way to the meter…</source>
            <translation>Paid. On its way to the meter…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The amount paid differs from the order: nothing was credited; the site office will contact you.</source>
            <translation>The amount paid differs from the order: nothing was credited; the site office will contact you.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The meter cannot take this payment now: it is refunded to you.</source>
            <translation>The meter cannot take this payment now: it is refunded to you.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The order expired unpaid.</source>
            <translation>The order expired unpaid.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The order was cancelled.</source>
            <translation>The order was cancelled.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The payment could not be started; please try again later.</source>
            <translation>The payment could not be started; please try again later.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Page not found.</source>
            <translation>Page not found.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Something went wrong; please try again.</source>
            <translation>Something went wrong; please try again.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The console's database cannot be reached; please try again later.</source>
            <translation>The console's database cannot be reached; please try again later.</translation>
        </message>
    </context>
    <context>
        <name>reports</name>
        <message>
            <location filename="../../acrel_console/services/reports/energy.py" line="-12" />
            <location filename="../../acrel_console/services/reports/sales.py" line="-128" />
            <location line="+112" />
            <location line="+43" />
            <location filename="../../acrel_console/services/reports/status_reports.py" line="+37" />
            <location line="+67" />
            <location line="+27" />
            <location filename="../../acrel_console/ui/reports/catalog.py" line="+68" />
            <source>Room</source>
            <translation>Room</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../acrel_console/services/reports/sales.py" line="-154" />
            <location line="+112" />
            <location filename="../../acrel_console/ui/reports/catalog.py" line="+1" />
            <source>Tenant</source>
            <translation>Tenant</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../acrel_console/services/reports/sales.py" line="-168" />
            <location filename="../../acrel_console/ui/reports/catalog.py" line="+1" />
            <source>Building</source>
            <translation>Building</translation>
        </message>
        <message>
            <location line="+2" />
            <location filename="../../acrel_console/services/reports/sales.py" line="+120" />
            <source>Spike</source>
            <translation>Spike</translation>
        </message>
        <message>
            <location line="+0" />
            <location filename="../../acrel_console/services/reports/sales.py" line="+0" />
            <source>Peak</source>
            <translation>Peak</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../acrel_console/services/reports/sales.py" line="+1" />
            <source>Flat</source>
            <translation>Flat</translation>
        </message>
        <message>
            <location line="+0" />
            <location filename="../../acrel_console/services/reports/sales.py" line="+0" />
            <source>Valley</source>
            <translation>Valley</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Total</source>
            <translation>Total</translation>
        </message>
        <message>
            <location line="+28" />
            <location line="+75" />
            <location filename="../../acrel_console/ui/reports/chart_data.py" line="+14" />
            <source>Energy (kWh)</source>
            <translation>Energy (kWh)</translation>
        </message>
        <message>
            <location line="-20" />
            <location filename="../../acrel_console/ui/reports/catalog.py" line="-20" />
            <source>Energy report</source>
            <translation>Energy report</translation>
        </message>
        <message>
            <location line="+22" />
            <location filename="../../acrel_console/ui/reports/catalog.py" line="+1" />
            <source>Multi-rate energy report</source>
            <translation>Multi-rate energy report</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/reports/sales.py" line="-156" />
            <source>Cash</source>
            <translation>Cash</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Card terminal</source>
            <translation>Card terminal</translation>
        </message>
        <message>
            <location line="+1" />
            <source>WeChat</source>
            <translation>WeChat</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Alipay</source>
            <translation>Alipay</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Bank transfer</source>
            <translation>Bank transfer</translation>
        </message>
        <message>
            <location line="+32" />
            <location filename="../../acrel_console/ui/reports/catalog.py" line="+20" />
            <source>Seller</source>
            <translation>Seller</translation>
        </message>
        <message>
            <location line="+0" />
            <location filename="../../acrel_console/ui/reports/catalog.py" line="+1" />
            <source>Payment method</source>
            <translation>Payment method</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/reports/losses.py" line="+47" />
            <location filename="../../acrel_console/services/reports/sales.py" line="+2" />
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/reports/sales.py" line="+1" />
            <location line="+61" />
            <source>Sales</source>
            <translation>Sales</translation>
        </message>
        <message>
            <location line="-60" />
            <source>Reversals</source>
            <translation>Reversals</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refunds</source>
            <translation>Refunds</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+4" />
            <location filename="../../acrel_console/ui/reports/chart_data.py" line="-1" />
            <source>Financial income</source>
            <translation>Financial income</translation>
        </message>
        <message>
            <location line="+2" />
            <location filename="../../acrel_console/ui/reports/catalog.py" line="-24" />
            <source>Electricity sales report</source>
            <translation>Electricity sales report</translation>
        </message>
        <message>
            <location line="+44" />
            <location line="+112" />
            <location filename="../../acrel_console/services/reports/status_reports.py" line="-94" />
            <location line="+67" />
            <source>Meter no.</source>
            <translation>Meter no.</translation>
        </message>
        <message>
            <location line="-110" />
            <source>Previous reading</source>
            <translation>Previous reading</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Current reading</source>
            <translation>Current reading</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Energy used</source>
            <translation>Energy used</translation>
        </message>
        <message>
            <location line="+1" />
            <source>CT ratio</source>
            <translation>CT ratio</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Previous balance</source>
            <translation>Previous balance</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Current balance</source>
            <translation>Current balance</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Amount used</source>
            <translation>Amount used</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../acrel_console/ui/reports/catalog.py" line="+1" />
            <source>Meter summary report</source>
            <translation>Meter summary report</translation>
        </message>
        <message>
            <location line="+61" />
            <source>Tariff period</source>
            <translation>Tariff period</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Energy</source>
            <translation>Energy</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+3" />
            <source>Revenue</source>
            <translation>Revenue</translation>
        </message>
        <message>
            <location line="-2" />
            <location line="+3" />
            <source>Energy cost</source>
            <translation>Energy cost</translation>
        </message>
        <message>
            <location line="-2" />
            <source>Margin</source>
            <translation>Margin</translation>
        </message>
        <message>
            <location line="+3" />
            <location filename="../../acrel_console/ui/reports/catalog.py" line="+3" />
            <source>Electricity revenue report</source>
            <translation>Electricity revenue report</translation>
        </message>
        <message>
            <location line="+36" />
            <source>Ledger balance</source>
            <translation>Ledger balance</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter balance</source>
            <translation>Meter balance</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Pending deliveries</source>
            <translation>Pending deliveries</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Pending amount</source>
            <translation>Pending amount</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Conflicts</source>
            <translation>Conflicts</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Meter read at</source>
            <translation>Meter read at</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../acrel_console/ui/reports/catalog.py" line="+7" />
            <source>Reconciliation</source>
            <translation>Reconciliation</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Opening balance</source>
            <translation>Opening balance</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Consumption</source>
            <translation>Consumption</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Closing balance</source>
            <translation>Closing balance</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Time</source>
            <translation>Time</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Item</source>
            <translation>Item</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Amount</source>
            <translation>Amount</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Balance</source>
            <translation>Balance</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../acrel_console/ui/reports/catalog.py" line="+1" />
            <source>Tenant statement</source>
            <translation>Tenant statement</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/reports/status_reports.py" line="-66" />
            <location line="+29" />
            <source>Gateway</source>
            <translation>Gateway</translation>
        </message>
        <message>
            <location line="-29" />
            <source>Address</source>
            <translation>Address</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Model</source>
            <translation>Model</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Offline since</source>
            <translation>Offline since</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Last seen</source>
            <translation>Last seen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Last balance</source>
            <translation>Last balance</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Last energy</source>
            <translation>Last energy</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+33" />
            <source>Last error</source>
            <translation>Last error</translation>
        </message>
        <message>
            <location line="-32" />
            <location filename="../../acrel_console/ui/reports/catalog.py" line="-5" />
            <source>Offline meters</source>
            <translation>Offline meters</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Mode</source>
            <translation>Mode</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Endpoint</source>
            <translation>Endpoint</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meters</source>
            <translation>Meters</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Online</source>
            <translation>Online</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Last sweep</source>
            <translation>Last sweep</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sweep duration (s)</source>
            <translation>Sweep duration (s)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Requests</source>
            <translation>Requests</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Timeouts</source>
            <translation>Timeouts</translation>
        </message>
        <message>
            <location line="+1" />
            <source>CRC errors</source>
            <translation>CRC errors</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reconnects</source>
            <translation>Reconnects</translation>
        </message>
        <message>
            <location line="+2" />
            <location filename="../../acrel_console/ui/reports/catalog.py" line="+1" />
            <source>Offline gateways</source>
            <translation>Offline gateways</translation>
        </message>
        <message>
            <location line="+29" />
            <source>Power (kW)</source>
            <translation>Power (kW)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Power factor</source>
            <translation>Power factor</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Read at</source>
            <translation>Read at</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../acrel_console/ui/reports/catalog.py" line="+1" />
            <source>Electrical parameters</source>
            <translation>Electrical parameters</translation>
        </message>
        <message>
            <location line="+22" />
            <source>No.</source>
            <translation>No.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Alarm</source>
            <translation>Alarm</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Message</source>
            <translation>Message</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Raised at</source>
            <translation>Raised at</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cleared at</source>
            <translation>Cleared at</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Acknowledged by</source>
            <translation>Acknowledged by</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Acknowledged at</source>
            <translation>Acknowledged at</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Comment</source>
            <translation>Comment</translation>
        </message>
        <message>
            <location line="+6" />
            <location filename="../../acrel_console/ui/reports/catalog.py" line="-4" />
            <source>Real-time alarms</source>
            <translation>Real-time alarms</translation>
        </message>
        <message>
            <location line="+8" />
            <location filename="../../acrel_console/ui/reports/catalog.py" line="+1" />
            <source>Alarm history</source>
            <translation>Alarm history</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/reports/losses.py" line="-26" />
            <location line="+25" />
            <source>Main meter</source>
            <translation>Main meter</translation>
        </message>
        <message>
            <location line="-24" />
            <location line="+26" />
            <source>Sub-meters</source>
            <translation>Sub-meters</translation>
        </message>
        <message>
            <location line="-94" />
            <source>Main energy</source>
            <translation>Main energy</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sub-meter energy</source>
            <translation>Sub-meter energy</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Loss (kWh)</source>
            <translation>Loss (kWh)</translation>
        </message>
        <message>
            <location line="+68" />
            <location filename="../../acrel_console/services/reports/sales.py" line="-38" />
            <source>Difference</source>
            <translation>Difference</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Loss</source>
            <translation>Loss</translation>
        </message>
        <message>
            <location line="+26" />
            <source>Loss rate</source>
            <translation>Loss rate</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meters without readings</source>
            <translation>Meters without readings</translation>
        </message>
        <message>
            <location line="+3" />
            <source>A rate is left empty where a meter of the group has no readings.</source>
            <translation>A rate is left empty where a meter of the group has no readings.</translation>
        </message>
        <message>
            <location line="-49" />
            <source>No main/sub-meter mapping is configured.</source>
            <translation>No main/sub-meter mapping is configured.</translation>
        </message>
        <message>
            <location line="+20" />
            <location line="+30" />
            <location filename="../../acrel_console/ui/reports/catalog.py" line="+4" />
            <source>Loss analysis</source>
            <translation>Loss analysis</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/reports/formatting.py" line="+60" />
            <source>sale</source>
            <translation>sale</translation>
        </message>
        <message>
            <location line="+1" />
            <source>refund</source>
            <translation>refund</translation>
        </message>
        <message>
            <location line="+1" />
            <source>reversal</source>
            <translation>reversal</translation>
        </message>
        <message>
            <location line="+1" />
            <source>opening</source>
            <translation>opening</translation>
        </message>
        <message>
            <location line="+1" />
            <source>transfer</source>
            <translation>transfer</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/reports/catalog.py" line="+15" />
            <source>By day</source>
            <translation>By day</translation>
        </message>
        <message>
            <location line="+1" />
            <source>By month</source>
            <translation>By month</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Whole period</source>
            <translation>Whole period</translation>
        </message>
    </context>
    <context>
        <name>roles</name>
        <message>
            <location filename="../../acrel_console/domain/roles.py" line="-76" />
            <source>Administrator</source>
            <translation>Administrator</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Operator</source>
            <translation>Operator</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cashier</source>
            <translation>Cashier</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Supervisor</source>
            <translation>Supervisor</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Auditor</source>
            <translation>Auditor</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tenant</source>
            <translation>Tenant</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Site service</source>
            <translation>Site service</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Custom role</source>
            <translation>Custom role</translation>
        </message>
    </context>
    <context>
        <name>run_gui</name>
        <message>
            <location filename="../../acrel_console/cli/gui.py" line="+127" />
            <source>Acrel Console</source>
            <translation>Acrel Console</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The database cannot be opened: {error}</source>
            <translation>The database cannot be opened: {error}</translation>
        </message>
        <message>
            <location line="+37" />
            <source>Poller: running in this console</source>
            <translation>Poller: running in this console</translation>
        </message>
    </context>
    <context>
        <name>settings</name>
        <message>
            <location filename="../../acrel_console/services/site_settings.py" line="-218" />
            <source>Site name</source>
            <translation>Site name</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Shown on receipts and report titles.</source>
            <translation>Shown on receipts and report titles.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Time zone</source>
            <translation>Time zone</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The site's zone (e.g. Asia/Shanghai): every time shown, day boundaries, shifts, tariff periods and meter clocks. The computer's own zone is not used.</source>
            <translation>The site's zone (e.g. Asia/Shanghai): every time shown, day boundaries, shifts, tariff periods and meter clocks. The computer's own zone is not used.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Status sweep interval (s)</source>
            <translation>Status sweep interval (s)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Every meter's status is read at least this often; a meter silent for three times this long is offline.</source>
            <translation>Every meter's status is read at least this often; a meter silent for three times this long is offline.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Status sweep pace (s)</source>
            <translation>Status sweep pace (s)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Status sweeps (a short read of balance, purchase count and status words) start at most this often; a long bus sweeps back to back.</source>
            <translation>Status sweeps (a short read of balance, purchase count and status words) start at most this often; a long bus sweeps back to back.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>History reading interval (s)</source>
            <translation>History reading interval (s)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>How often a reading row is stored (集抄时间间隔).</source>
            <translation>How often a reading row is stored (集抄时间间隔).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Keep raw readings (months)</source>
            <translation>Keep raw readings (months)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Raw history readings older than this are pruned each night; the hourly and daily energy every report uses is kept.</source>
            <translation>Raw history readings older than this are pruned each night; the hourly and daily energy every report uses is kept.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Alarm 1 amount (yuan)</source>
            <translation>Alarm 1 amount (yuan)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Balance at or below this raises alarm 1.</source>
            <translation>Balance at or below this raises alarm 1.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Alarm 2 amount (yuan)</source>
            <translation>Alarm 2 amount (yuan)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Balance at or below this raises alarm 2 (below alarm 1).</source>
            <translation>Balance at or below this raises alarm 2 (below alarm 1).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Allowed overdraft (yuan)</source>
            <translation>Allowed overdraft (yuan)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>允许赊欠金额: credit the meter allows below zero before tripping.</source>
            <translation>允许赊欠金额: credit the meter allows below zero before tripping.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Overload power (W)</source>
            <translation>Overload power (W)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>功率阈值: the meter trips above this power.</source>
            <translation>功率阈值: the meter trips above this power.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Max stored credit (yuan)</source>
            <translation>Max stored credit (yuan)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>囤积金额上限: a sale that would exceed it is refused.</source>
            <translation>囤积金额上限: a sale that would exceed it is refused.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Confirm sales above (yuan)</source>
            <translation>Confirm sales above (yuan)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The cashier confirms once more before selling, refunding or reversing more than this (a slip of the keyboard: 1000 for 100). 0: never ask.</source>
            <translation>The cashier confirms once more before selling, refunding or reversing more than this (a slip of the keyboard: 1000 for 100). 0: never ask.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>No-trip hours</source>
            <translation>No-trip hours</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Windows like 18:00-09:30 in which no arrears trip happens; comma separated.</source>
            <translation>Windows like 18:00-09:30 in which no arrears trip happens; comma separated.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Trip relay when an account closes</source>
            <translation>Trip relay when an account closes</translation>
        </message>
        <message>
            <location line="+1" />
            <source>销户 trips the meter's relay.</source>
            <translation>销户 trips the meter's relay.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Energy cost, spike (yuan/kWh)</source>
            <translation>Energy cost, spike (yuan/kWh)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>电价成本 尖: what the site pays per kWh, for the revenue report.</source>
            <translation>电价成本 尖: what the site pays per kWh, for the revenue report.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Energy cost, peak (yuan/kWh)</source>
            <translation>Energy cost, peak (yuan/kWh)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>电价成本 峰: what the site pays per kWh, for the revenue report.</source>
            <translation>电价成本 峰: what the site pays per kWh, for the revenue report.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Energy cost, flat (yuan/kWh)</source>
            <translation>Energy cost, flat (yuan/kWh)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>电价成本 平: what the site pays per kWh, for the revenue report.</source>
            <translation>电价成本 平: what the site pays per kWh, for the revenue report.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Energy cost, valley (yuan/kWh)</source>
            <translation>Energy cost, valley (yuan/kWh)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>电价成本 谷: what the site pays per kWh, for the revenue report.</source>
            <translation>电价成本 谷: what the site pays per kWh, for the revenue report.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SMS driver</source>
            <translation>SMS driver</translation>
        </message>
        <message>
            <location line="+1" />
            <source>短信提醒: none, modem (a GSM modem on a serial port) or http (an SMS gateway).</source>
            <translation>短信提醒: none, modem (a GSM modem on a serial port) or http (an SMS gateway).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SMS modem port</source>
            <translation>SMS modem port</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Serial port of the GSM modem, e.g. /dev/ttyUSB2 or COM5.</source>
            <translation>Serial port of the GSM modem, e.g. /dev/ttyUSB2 or COM5.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SMS modem baud rate</source>
            <translation>SMS modem baud rate</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Most modems talk at 115200.</source>
            <translation>Most modems talk at 115200.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SMS gateway URL</source>
            <translation>SMS gateway URL</translation>
        </message>
        <message>
            <location line="+1" />
            <source>URL template with {phone} and {text}, e.g. https://sms.example/send?to={phone}&amp;msg={text}.</source>
            <translation>URL template with {phone} and {text}, e.g. https://sms.example/send?to={phone}&amp;msg={text}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SMS gateway key</source>
            <translation>SMS gateway key</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The gateway's API key or password. Kept beside the site key on the service computer, never in the database or the operation log; write {key} where it goes in the URL or body.</source>
            <translation>The gateway's API key or password. Kept beside the site key on the service computer, never in the database or the operation log; write {key} where it goes in the URL or body.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>SMS gateway method</source>
            <translation>SMS gateway method</translation>
        </message>
        <message>
            <location line="+1" />
            <source>GET, or POST with the body below.</source>
            <translation>GET, or POST with the body below.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SMS gateway POST body</source>
            <translation>SMS gateway POST body</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Form body template with {phone} and {text} (POST only).</source>
            <translation>Form body template with {phone} and {text} (POST only).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SMS gateway success text</source>
            <translation>SMS gateway success text</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Text the gateway's reply must contain (empty: any 2xx reply).</source>
            <translation>Text the gateway's reply must contain (empty: any 2xx reply).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SMS quiet hours</source>
            <translation>SMS quiet hours</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Alarm texts wait until these hours are over.</source>
            <translation>Alarm texts wait until these hours are over.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Text the tenant after each sale</source>
            <translation>Text the tenant after each sale</translation>
        </message>
        <message>
            <location line="+1" />
            <source>充值提醒: a text with the amount and the balance after every sale.</source>
            <translation>充值提醒: a text with the amount and the balance after every sale.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Wrong passwords before lock</source>
            <translation>Wrong passwords before lock</translation>
        </message>
        <message>
            <location line="+1" />
            <source>An operator account locks after this many wrong passwords.</source>
            <translation>An operator account locks after this many wrong passwords.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Lock duration (minutes)</source>
            <translation>Lock duration (minutes)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>How long a locked operator account stays locked.</source>
            <translation>How long a locked operator account stays locked.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Run the tenant portal</source>
            <translation>Run the tenant portal</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The site service also serves the tenants' phone page and lobby kiosk.</source>
            <translation>The site service also serves the tenants' phone page and lobby kiosk.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tenant portal address</source>
            <translation>Tenant portal address</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Address the portal listens on: 127.0.0.1 behind a reverse proxy, 0.0.0.0 for the whole LAN.</source>
            <translation>Address the portal listens on: 127.0.0.1 behind a reverse proxy, 0.0.0.0 for the whole LAN.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Tenant portal port</source>
            <translation>Tenant portal port</translation>
        </message>
        <message>
            <location line="+1" />
            <source>TCP port of the tenant portal.</source>
            <translation>TCP port of the tenant portal.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tenants may switch their meters</source>
            <translation>Tenants may switch their meters</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tenants may switch their own meter off, and back on with a positive balance, from the portal.</source>
            <translation>Tenants may switch their own meter off, and back on with a positive balance, from the portal.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Tenant switchings per hour</source>
            <translation>Tenant switchings per hour</translation>
        </message>
        <message>
            <location line="+1" />
            <source>How many switch commands one tenant may send per hour.</source>
            <translation>How many switch commands one tenant may send per hour.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Wrong PINs before lock</source>
            <translation>Wrong PINs before lock</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A tenant's portal sign-in locks after this many wrong PINs.</source>
            <translation>A tenant's portal sign-in locks after this many wrong PINs.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tenant lock duration (minutes)</source>
            <translation>Tenant lock duration (minutes)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>How long a locked tenant sign-in stays locked.</source>
            <translation>How long a locked tenant sign-in stays locked.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tenant session idle time (minutes)</source>
            <translation>Tenant session idle time (minutes)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A phone session ends after this long without a request.</source>
            <translation>A phone session ends after this long without a request.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Kiosk idle time (s)</source>
            <translation>Kiosk idle time (s)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The lobby kiosk returns to the sign-in screen after this long untouched.</source>
            <translation>The lobby kiosk returns to the sign-in screen after this long untouched.</translation>
        </message>
    </context>
    <context>
        <name>slip</name>
        <message>
            <location filename="../../acrel_console/services/pin_slip.py" line="+13" />
            <source>Tenant service: your sign-in</source>
            <translation>Tenant service: your sign-in</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Account no.</source>
            <translation>Account no.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Room</source>
            <translation>Room</translation>
        </message>
        <message>
            <location line="+1" />
            <source>PIN</source>
            <translation>PIN</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Set at</source>
            <translation>Set at</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Operator</source>
            <translation>Operator</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Please change the PIN after your first sign-in. Keep this slip private.</source>
            <translation>Please change the PIN after your first sign-in. Keep this slip private.</translation>
        </message>
    </context>
    <context>
        <name>sms</name>
        <message>
            <location filename="../../acrel_console/services/sms.py" line="-371" />
            <source>Alarm 1</source>
            <translation>Alarm 1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Alarm 2</source>
            <translation>Alarm 2</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Arrears</source>
            <translation>Arrears</translation>
        </message>
        <message>
            <location line="+1" />
            <source>After sale</source>
            <translation>After sale</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Manual</source>
            <translation>Manual</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Test</source>
            <translation>Test</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The modem or gateway did not answer in time</source>
            <translation>The modem or gateway did not answer in time</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The modem or gateway refused the message</source>
            <translation>The modem or gateway refused the message</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The modem or gateway cannot be reached</source>
            <translation>The modem or gateway cannot be reached</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The number or text cannot be sent</source>
            <translation>The number or text cannot be sent</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not sent in time; dropped</source>
            <translation>Not sent in time; dropped</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No SMS modem or gateway is configured</source>
            <translation>No SMS modem or gateway is configured</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unexpected error while sending</source>
            <translation>Unexpected error while sending</translation>
        </message>
    </context>
    <context>
        <name>status</name>
        <message>
            <location filename="../../acrel_console/domain/status.py" line="+27" />
            <source>Offline</source>
            <translation>Offline</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unopened</source>
            <translation>Unopened</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Arrears</source>
            <translation>Arrears</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Alarm 2</source>
            <translation>Alarm 2</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Alarm 1</source>
            <translation>Alarm 1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Opened</source>
            <translation>Opened</translation>
        </message>
    </context>
    <context>
        <name>theme</name>
        <message>
            <location filename="../../acrel_console/ui/theme.py" line="+23" />
            <source>Colour-blind safe (default)</source>
            <translation>Colour-blind safe (default)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Acrel-3200 classic</source>
            <translation>Acrel-3200 classic</translation>
        </message>
    </context>
</TS>
