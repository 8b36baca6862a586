<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AccountDialogs</name>
        <message>
            <location filename="../../acrel_console/ui/cashier/account_dialogs.py" line="+47" />
            <source>{meter}: balance kept by the console</source>
            <translation>{meter}：余额由本系统记账</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{meter}: never read; opened without a reading</source>
            <translation>{meter}：从未抄到，开户时无抄表读数</translation>
        </message>
        <message>
            <location line="+4" />
            <source>{meter}: {amount} yuan, nothing to decide (read {at})</source>
            <translation>{meter}：{amount} 元，无需处理（抄表时间 {at}）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{meter}: holds {amount} yuan this console did not sell (read {at}, purchase count {count})</source>
            <translation>{meter}：表内有 {amount} 元并非本系统售出（抄表时间 {at}，购电次数 {count}）</translation>
        </message>
        <message>
            <location line="+4" />
            <source>reading too old: refresh the meter first</source>
            <translation>读数过旧：请先刷新表状态</translation>
        </message>
    </context>
    <context>
        <name>AccountsPage</name>
        <message>
            <location filename="../../acrel_console/ui/pages/__init__.py" line="+46" />
            <location filename="../../acrel_console/ui/pages/accounts_page.py" line="+73" />
            <location line="+7" />
            <source>Accounts</source>
            <translation>开户管理</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/pages/accounts_page.py" line="-5" />
            <source>Tariffs</source>
            <translation>电价设置</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Open an account</source>
            <translation>开户</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Name, room, phone, account no. or meter</source>
            <translation>用户名、商铺号、电话、用户编号或表号</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Show closed</source>
            <translation>显示已销户</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Open account…</source>
            <translation>开户…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Add meter…</source>
            <translation>加表…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remove meter…</source>
            <translation>撤表…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Replace meter…</source>
            <translation>换表…</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+240" />
            <source>Close account…</source>
            <translation>销户…</translation>
        </message>
        <message>
            <location line="-239" />
            <source>Set portal PIN…</source>
            <translation>设置查询密码…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Set or reset the chosen tenant's PIN for the self-service page and print the PIN slip</source>
            <translation>为所选用户设置或重置自助查询密码，并打印密码单</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Account no.</source>
            <translation>用户编号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tenant</source>
            <translation>用户名</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+17" />
            <source>Shop/room</source>
            <translation>商铺号</translation>
        </message>
        <message>
            <location line="-16" />
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meters</source>
            <translation>电表数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Opened</source>
            <translation>开户日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Opened by</source>
            <translation>开户人</translation>
        </message>
        <message>
            <location line="+1" />
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Account list</source>
            <translation>开户查询</translation>
        </message>
        <message>
            <location line="+0" />
            <source>accounts</source>
            <translation>开户查询</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Accounts found</source>
            <translation>查询到的账户数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save every account the search finds (all pages) as an Excel workbook</source>
            <translation>把查询到的全部账户（所有页）保存为 Excel 工作簿</translation>
        </message>
        <message>
            <location line="+66" />
            <source>Closed</source>
            <translation>已销户</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Stuck: a meter refused</source>
            <translation>未完成：电表拒绝退电</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Closing</source>
            <translation>销户中</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Open</source>
            <translation>正常</translation>
        </message>
        <message>
            <location line="+69" />
            <source>Search</source>
            <translation>搜索</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Closed accounts</source>
            <translation>已销户账户</translation>
        </message>
        <message>
            <location line="+0" />
            <source>shown</source>
            <translation>显示</translation>
        </message>
        <message>
            <location line="+65" />
            <source>Resume closing…</source>
            <translation>继续销户…</translation>
        </message>
        <message>
            <location line="+76" />
            <source>Settling with the meters: {out} yuan still to come back…</source>
            <translation>正在与电表结算：还有 {out} 元待退回…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Settled: {paid} yuan paid out, {moved} yuan moved.</source>
            <translation>结算完成：退款 {paid} 元，转移 {moved} 元。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stuck: a meter refused {refused} yuan; nothing was paid for it. Resume or settle it by a claim.</source>
            <translation>未完成：电表拒绝退回 {refused} 元，该部分未付款。请继续或以申报结算。</translation>
        </message>
        <message>
            <location line="-279" />
            <source>Meter no.</source>
            <translation>表号</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Model</source>
            <translation>型号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remaining (last read)</source>
            <translation>剩余金额（最近抄读）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ledger balance</source>
            <translation>账面余额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Purchases</source>
            <translation>购电次数</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Pending deliveries</source>
            <translation>待下发</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Total purchased</source>
            <translation>购电总额</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Previous page</source>
            <translation>上一页</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Next page</source>
            <translation>下一页</translation>
        </message>
        <message>
            <location line="+35" />
            <source>Open, settling a meter</source>
            <translation>开户中，正在结算一块电表</translation>
        </message>
        <message>
            <location line="+44" />
            <source>{first}–{last} of {total}</source>
            <translation>第 {first}–{last} 户，共 {total} 户</translation>
        </message>
        <message>
            <location line="+73" />
            <source>closed {at}</source>
            <translation>{at} 销户</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{name} · account {no} · {room} · {phone} · {state}</source>
            <translation>{name} · 用户编号 {no} · {room} · {phone} · {state}</translation>
        </message>
    </context>
    <context>
        <name>AcknowledgeDialog</name>
        <message>
            <location filename="../../acrel_console/ui/alarms/ack_dialog.py" line="+32" />
            <source>Acknowledge alarm</source>
            <translation>确认报警</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Alarm</source>
            <translation>报警类型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Room / gateway</source>
            <translation>商铺号 / 网关</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Message</source>
            <translation>消息</translation>
        </message>
        <message>
            <location line="+4" />
            <source>What was done, e.g. tenant called</source>
            <translation>处理情况，例如：已电话通知用户</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Comment</source>
            <translation>备注</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Acknowledge</source>
            <translation>确认</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
    </context>
    <context>
        <name>AddMeterDialog</name>
        <message>
            <location filename="../../acrel_console/ui/cashier/account_dialogs.py" line="+164" />
            <source>Add meter to {name}</source>
            <translation>为 {name} 加表</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Meter</source>
            <translation>电表</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Credit already on the meter</source>
            <translation>表内已有余额</translation>
        </message>
    </context>
    <context>
        <name>AddOperatorDialog</name>
        <message>
            <location filename="../../acrel_console/ui/operator_dialogs.py" line="+41" />
            <source>Add operator</source>
            <translation>新增操作员</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Login name</source>
            <translation>登录名</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Full name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Password again</source>
            <translation>再次输入密码</translation>
        </message>
    </context>
    <context>
        <name>AlarmFlash</name>
        <message>
            <location filename="../../acrel_console/ui/alarms/notifier.py" line="+129" />
            <source>New alarm: {kind} — {message}</source>
            <translation>新报警：{kind} — {message}</translation>
        </message>
    </context>
    <context>
        <name>AlarmTableModel</name>
        <message>
            <location filename="../../acrel_console/ui/alarms/alarm_model.py" line="+28" />
            <source>Severity</source>
            <translation>级别</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Alarm</source>
            <translation>报警类型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Room / gateway</source>
            <translation>商铺号 / 网关</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Message</source>
            <translation>消息</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Raised at</source>
            <translation>发生时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cleared at</source>
            <translation>恢复时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Acknowledged by</source>
            <translation>确认人</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Acknowledged at</source>
            <translation>确认时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Comment</source>
            <translation>备注</translation>
        </message>
        <message>
            <location line="+57" />
            <source>{name} at {time}</source>
            <translation>{name}（{time}）</translation>
        </message>
    </context>
    <context>
        <name>AlarmsPage</name>
        <message>
            <location filename="../../acrel_console/ui/pages/alarms_page.py" line="+82" />
            <source>Acknowledge…</source>
            <translation>确认报警…</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Your role may not acknowledge alarms.</source>
            <translation>您的角色无权确认报警。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Clear the meter again</source>
            <translation>再次清零电表</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The meter refused to give up the previous system's credit when its account was opened: ask it again (read back as before)</source>
            <translation>开户时电表拒绝清零原系统余额：再次下发清零（同样回读确认）</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+13" />
            <source>Active alarms</source>
            <translation>实时报警</translation>
        </message>
        <message>
            <location line="-13" />
            <source>active-alarms</source>
            <translation>实时报警</translation>
        </message>
        <message>
            <location line="+27" />
            <source>Query</source>
            <translation>查询</translation>
        </message>
        <message>
            <location line="+5" />
            <source>From</source>
            <translation>从</translation>
        </message>
        <message>
            <location line="+2" />
            <source>to</source>
            <translation>至</translation>
        </message>
        <message>
            <location line="+5" />
            <location line="+8" />
            <source>Alarm history</source>
            <translation>历史报警</translation>
        </message>
        <message>
            <location line="-8" />
            <source>alarm-history</source>
            <translation>历史报警</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Online payment cases</source>
            <translation>在线支付异常</translation>
        </message>
        <message>
            <location line="+165" />
            <source>{room}: clearing {amount} yuan again; the meter is asked now.</source>
            <translation>{room}：再次清零 {amount} 元，已向电表下发。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/pages/__init__.py" line="+4" />
            <location filename="../../acrel_console/ui/pages/alarms_page.py" line="-141" />
            <source>Alarms</source>
            <translation>报警</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/pages/alarms_page.py" line="+50" />
            <source>{count} active alarms, {open} not acknowledged</source>
            <translation>实时报警 {count} 条，未确认 {open} 条</translation>
        </message>
        <message>
            <location line="+13" />
            <source>The period ends before it starts.</source>
            <translation>结束日期早于开始日期。</translation>
        </message>
        <message>
            <location line="+17" />
            <source>{count} alarms</source>
            <translation>共 {count} 条报警</translation>
        </message>
    </context>
    <context>
        <name>ApprovalBox</name>
        <message>
            <location filename="../../acrel_console/ui/cashier/approval_box.py" line="+24" />
            <source>A supervisor signs in here to approve</source>
            <translation>由主管在此登录审批</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Why the meter cannot be read, what the figure rests on</source>
            <translation>电表为何无法抄读，金额依据是什么</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Supervisor</source>
            <translation>主管</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Supervisor password</source>
            <translation>主管密码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reason for the claim</source>
            <translation>申报原因</translation>
        </message>
    </context>
    <context>
        <name>AssignTariffDialog</name>
        <message>
            <location filename="../../acrel_console/ui/cashier/tariff_dialogs.py" line="+192" />
            <source>Assign tariff</source>
            <translation>分配电价</translation>
        </message>
        <message>
            <location line="+8" />
            <source>{no} · {room} · {model}</source>
            <translation>{no} · {room} · {model}</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Download the prices (and a TOU tariff's day-period schedule) to meters that hold their balance</source>
            <translation>向自带余额的电表下发电价（分时电价同时下发时段表）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Tariff</source>
            <translation>电价</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meters (Space ticks)</source>
            <translation>电表（空格键勾选）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Effective from</source>
            <translation>生效日期</translation>
        </message>
    </context>
    <context>
        <name>AuditLogPanel</name>
        <message>
            <location filename="../../acrel_console/ui/audit_log_panel.py" line="+27" />
            <source>a row before it was deleted or reordered</source>
            <translation>其前面的记录被删除或调换了顺序</translation>
        </message>
        <message>
            <location line="+1" />
            <source>its content was changed</source>
            <translation>其内容被修改</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Meter {text}</source>
            <translation>电表 {text}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delivery to meter {text}</source>
            <translation>下发到电表 {text}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Command to meter {text}</source>
            <translation>电表 {text} 的指令</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Account {text}</source>
            <translation>账户 {text}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Batch of {text} meters</source>
            <translation>批量操作（{text} 块电表）</translation>
        </message>
        <message>
            <location line="+5" />
            <source>the site</source>
            <translation>站点</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the database</source>
            <translation>数据库</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the backup</source>
            <translation>备份</translation>
        </message>
        <message>
            <location line="+62" />
            <location line="+111" />
            <source>From</source>
            <translation>从</translation>
        </message>
        <message>
            <location line="-104" />
            <source>Search</source>
            <translation>查询</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Verify chain</source>
            <translation>校验日志链</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Export…</source>
            <translation>导出…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Write the rows shown to an Excel file.</source>
            <translation>将当前显示的记录导出为 Excel 文件。</translation>
        </message>
        <message>
            <location line="+4" />
            <location line="+16" />
            <location line="+79" />
            <source>Operator</source>
            <translation>操作员</translation>
        </message>
        <message>
            <location line="-93" />
            <location line="+15" />
            <location line="+79" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location line="-90" />
            <source>to</source>
            <translation>至</translation>
        </message>
        <message>
            <location line="+8" />
            <source>No.</source>
            <translation>序号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Target</source>
            <translation>对象</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <location line="+22" />
            <location line="+120" />
            <source>Before</source>
            <translation>修改前</translation>
        </message>
        <message>
            <location line="-120" />
            <source>Changes</source>
            <translation>变更内容</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+120" />
            <source>After</source>
            <translation>修改后</translation>
        </message>
        <message>
            <location line="-83" />
            <source>(all)</source>
            <translation>（全部）</translation>
        </message>
        <message>
            <location line="+32" />
            <source>Showing the newest {n} rows; narrow the filter to see older ones.</source>
            <translation>仅显示最新的 {n} 条记录；请缩小查询条件以查看更早的记录。</translation>
        </message>
        <message>
            <location line="+23" />
            <source>The operation log is intact: {n} rows checked.</source>
            <translation>操作日志完整：已校验 {n} 条记录。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The operation log is broken at row {id}: {reason}.</source>
            <translation>操作日志在第 {id} 条记录处被破坏：{reason}。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Export the operation log</source>
            <translation>导出操作日志</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Operation log</source>
            <translation>操作日志</translation>
        </message>
        <message>
            <location line="+10" />
            <source>{n} rows written to {path}.</source>
            <translation>已将 {n} 条记录写入 {path}。</translation>
        </message>
    </context>
    <context>
        <name>BatchDialog</name>
        <message>
            <location filename="../../acrel_console/ui/meters/batch_dialog.py" line="+141" />
            <source>Command results</source>
            <translation>指令下发结果</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Cancel pending</source>
            <translation>取消未执行</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Resend failed</source>
            <translation>重发失败</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location line="+46" />
            <source>{done} of {total} done: {ok} confirmed, {failed} failed, {cancelled} cancelled</source>
            <translation>已完成 {done} / {total}：成功 {ok}，失败 {failed}，取消 {cancelled}</translation>
        </message>
        <message>
            <location line="+20" />
            <source>cancelled in the batch dialog</source>
            <translation>在指令下发结果窗口中取消</translation>
        </message>
        <message>
            <location line="+12" />
            <source>resent from the batch dialog</source>
            <translation>在指令下发结果窗口中重发</translation>
        </message>
    </context>
    <context>
        <name>BrokenPage</name>
        <message>
            <location filename="../../acrel_console/ui/pages/base.py" line="+75" />
            <source>This page could not be loaded: {error}</source>
            <translation>此页面无法加载：{error}</translation>
        </message>
    </context>
    <context>
        <name>BuildingDialog</name>
        <message>
            <location filename="../../acrel_console/ui/building_dialog.py" line="+32" />
            <source>Edit building</source>
            <translation>修改建筑</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Add building</source>
            <translation>新增建筑</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Building name</source>
            <translation>建筑名</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Floor</source>
            <translation>楼层</translation>
        </message>
        <message>
            <location line="+0" />
            <source>For example 1-5 or B1</source>
            <translation>例如 1-5 或 B1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Area</source>
            <translation>区域</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Zone or wing, free text</source>
            <translation>片区或楼翼，自由填写</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Notes</source>
            <translation>备注</translation>
        </message>
    </context>
    <context>
        <name>BusHealth</name>
        <message>
            <location filename="../../acrel_console/ui/meters/bus_health_panel.py" line="+21" />
            <source>{s} s</source>
            <translation>{s} 秒</translation>
        </message>
        <message>
            <location line="+6" />
            <source>never swept</source>
            <translation>尚未抄读</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{duration} at {time}</source>
            <translation>{time}，用时 {duration}</translation>
        </message>
        <message>
            <location line="+7" />
            <source>not swept yet</source>
            <translation>尚未抄读</translation>
        </message>
        <message>
            <location line="+2" />
            <source>unreachable</source>
            <translation>无法连接</translation>
        </message>
        <message>
            <location line="+2" />
            <source>no meter answers</source>
            <translation>无电表应答</translation>
        </message>
        <message>
            <location line="+1" />
            <source>reachable</source>
            <translation>通讯正常</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Gateway {name}: {state}</source>
            <translation>网关 {name}：{state}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Last sweep: {sweep}</source>
            <translation>最近一轮抄读：{sweep}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Requests {requests} · timeouts {timeouts} · CRC errors {crc} · reconnects {reconnects}</source>
            <translation>请求 {requests} · 超时 {timeouts} · CRC错误 {crc} · 重连 {reconnects}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Meters online: {online} of {total}</source>
            <translation>在线电表：{online} / {total}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Last error: {error}</source>
            <translation>最近错误：{error}</translation>
        </message>
    </context>
    <context>
        <name>BusHealthPanel</name>
        <message>
            <location line="+12" />
            <location line="+21" />
            <source>Bus health</source>
            <translation>总线状态</translation>
        </message>
        <message>
            <location line="-18" />
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Last sweep</source>
            <translation>最近一轮抄读</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Requests</source>
            <translation>请求数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Timeouts</source>
            <translation>超时</translation>
        </message>
        <message>
            <location line="+0" />
            <source>CRC errors</source>
            <translation>CRC错误</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reconnects</source>
            <translation>重连</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Meters online</source>
            <translation>在线电表</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Last error</source>
            <translation>最近错误</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Bus health: {gateway}</source>
            <translation>总线状态：{gateway}</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Bus health: {n} gateways</source>
            <translation>总线状态：{n} 个网关</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{n} unreachable</source>
            <translation>{n} 个无法连接</translation>
        </message>
        <message>
            <location line="+0" />
            <source>all reachable</source>
            <translation>全部通讯正常</translation>
        </message>
        <message>
            <location line="+2" />
            <source>slowest {duration}</source>
            <translation>最慢 {duration}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>never swept</source>
            <translation>尚未抄读</translation>
        </message>
        <message>
            <location line="+7" />
            <source>{online} of {total}</source>
            <translation>{online} / {total}</translation>
        </message>
    </context>
    <context>
        <name>CashierPage</name>
        <message>
            <location filename="../../acrel_console/ui/pages/cashier_page.py" line="+89" />
            <source>Sell</source>
            <translation>售电</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refund</source>
            <translation>退电</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reverse a sale</source>
            <translation>冲正</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Find the tenant</source>
            <translation>查找用户</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refresh meter status</source>
            <translation>刷新表状态</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reprint the last receipt</source>
            <translation>补打上一张单据</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Close my shift</source>
            <translation>交班</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Your role may not sell, refund or reverse.</source>
            <translation>您的角色不能售电、退电或冲正。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/pages/__init__.py" line="-3" />
            <location filename="../../acrel_console/ui/pages/cashier_page.py" line="+3" />
            <source>Cashier</source>
            <translation>售电</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/pages/cashier_page.py" line="+106" />
            <source>Slip {no} printed ({where}).</source>
            <translation>单据 {no} 已打印（{where}）。</translation>
        </message>
    </context>
    <context>
        <name>ChangeOwnPasswordDialog</name>
        <message>
            <location filename="../../acrel_console/ui/operator_dialogs.py" line="+56" />
            <source>Change my password</source>
            <translation>修改密码</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Current password</source>
            <translation>当前密码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>New password</source>
            <translation>新密码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Password again</source>
            <translation>再次输入密码</translation>
        </message>
    </context>
    <context>
        <name>ConflictDialog</name>
        <message>
            <location filename="../../acrel_console/ui/cashier/conflict_dialog.py" line="+25" />
            <source>Delivery conflict</source>
            <translation>下发冲突</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The meter's purchase count is not what this delivery of {amount} yuan expected ({error}). Nothing is resent automatically. Check the meter (its remaining amount and purchase count), then say what you found.</source>
            <translation>电表的购电次数与这笔 {amount} 元下发的预期不符（{error}）。系统不会自动重发。请核对电表（剩余金额和购电次数），然后选择核对结果。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>What you checked</source>
            <translation>核对情况</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Credit is on the meter: confirm</source>
            <translation>金额已在电表中：确认</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Credit is not on the meter: deliver again</source>
            <translation>金额不在电表中：重新下发</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
    </context>
    <context>
        <name>ControlDialog</name>
        <message>
            <location filename="../../acrel_console/ui/meters/control_dialog.py" line="+70" />
            <source>{action}: {n} meter(s)</source>
            <translation>{action}：{n} 块电表</translation>
        </message>
        <message>
            <location line="+14" />
            <source>This changes the power supply of the tenants concerned.</source>
            <translation>此操作会改变相关用户的供电。</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Why (written to the operation log)</source>
            <translation>原因（写入操作日志）</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Send</source>
            <translation>下发</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
    </context>
    <context>
        <name>CrudTable</name>
        <message>
            <location filename="../../acrel_console/ui/crud_table.py" line="+52" />
            <source>Add…</source>
            <translation>新增…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Edit…</source>
            <translation>修改…</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+97" />
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <location line="-96" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Search…</source>
            <translation>搜索…</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Your role may not change the site configuration.</source>
            <translation>您的角色无权修改站点配置。</translation>
        </message>
        <message>
            <location line="+27" />
            <source>Search</source>
            <translation>搜索</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Rows: {n}</source>
            <translation>共 {n} 条</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rows: {shown} of {n}</source>
            <translation>显示 {shown} 条，共 {n} 条</translation>
        </message>
        <message>
            <location line="+33" />
            <source>Delete {name}?</source>
            <translation>删除 {name}？</translation>
        </message>
    </context>
    <context>
        <name>DashboardPage</name>
        <message>
            <location filename="../../acrel_console/ui/pages/dashboard_page.py" line="+98" />
            <source>Meters</source>
            <translation>电表总数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unopened</source>
            <translation>未开户</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Offline</source>
            <translation>失联</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Relay closed</source>
            <translation>合闸</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Relay open</source>
            <translation>分闸</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Forced mode</source>
            <translation>强制</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Prepaid mode</source>
            <translation>预付费</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Energy yesterday</source>
            <translation>昨日用电量</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Energy today</source>
            <translation>今日用电量</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Shortcuts</source>
            <translation>快捷入口</translation>
        </message>
        <message>
            <location line="+2" />
            <source>New sale</source>
            <translation>新增售电</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Open account</source>
            <translation>新增开户</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter batch operations</source>
            <translation>电表批量操作</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Energy report</source>
            <translation>电能耗报表</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Live alarms</source>
            <translation>实时报警</translation>
        </message>
        <message>
            <location line="+1" />
            <source>All alarms…</source>
            <translation>全部报警…</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Offline meters</source>
            <translation>失联电表</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Offline gateways</source>
            <translation>失联网关</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/pages/__init__.py" line="-3" />
            <location filename="../../acrel_console/ui/pages/dashboard_page.py" line="+36" />
            <source>Dashboard</source>
            <translation>首页</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/pages/dashboard_page.py" line="+49" />
            <source>of {total}</source>
            <translation>共 {total} 块</translation>
        </message>
        <message>
            <location line="+4" />
            <source>until {time}</source>
            <translation>截至 {time}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Live alarms ({count})</source>
            <translation>实时报警（{count}）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Offline meters ({count})</source>
            <translation>失联电表（{count}）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Offline gateways ({count})</source>
            <translation>失联网关（{count}）</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Updated {time}</source>
            <translation>更新于 {time}</translation>
        </message>
    </context>
    <context>
        <name>DecisionDialog</name>
        <message>
            <location filename="../../acrel_console/ui/payment_cases_panel.py" line="+94" />
            <source>Refund the payment</source>
            <translation>退款</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Credit the payment to the meter</source>
            <translation>将付款充入电表</translation>
        </message>
        <message>
            <location line="+5" />
            <source>{paid} yuan paid for an order of {amount} yuan (room {room}). It goes back to the payer through {provider}.</source>
            <translation>订单金额 {amount} 元，实付 {paid} 元（商铺号 {room}）。款项将通过{provider}原路退回。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{paid} yuan paid for an order of {amount} yuan (room {room}). The {paid} yuan actually paid is sold to the meter and delivered the normal way.</source>
            <translation>订单金额 {amount} 元，实付 {paid} 元（商铺号 {room}）。将按实付的 {paid} 元售电并正常下发到电表。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refund</source>
            <translation>退款</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Credit</source>
            <translation>充入电表</translation>
        </message>
    </context>
    <context>
        <name>DetailPanel</name>
        <message>
            <location filename="../../acrel_console/ui/meters/detail_panel.py" line="+105" />
            <location line="+34" />
            <source>Select a meter to see its live values.</source>
            <translation>选择一块电表查看实时数据。</translation>
        </message>
    </context>
    <context>
        <name>ExistingCreditBox</name>
        <message>
            <location filename="../../acrel_console/ui/cashier/account_dialogs.py" line="-153" />
            <source>— choose —</source>
            <translation>— 请选择 —</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Take it over as the tenant's opening balance</source>
            <translation>接管为用户的开户余额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Clear it from the meter (zeroed, read back)</source>
            <translation>从电表清零（清零后回读确认）</translation>
        </message>
        <message>
            <location line="+8" />
            <source>No meter ticked.</source>
            <translation>未勾选电表。</translation>
        </message>
    </context>
    <context>
        <name>ExportRunner</name>
        <message>
            <location filename="../../acrel_console/ui/export_runner.py" line="+36" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
    </context>
    <context>
        <name>FirstAdminDialog</name>
        <message>
            <location filename="../../acrel_console/ui/first_admin_dialog.py" line="+24" />
            <source>Acrel Console: first start</source>
            <translation>Acrel Console：首次启动</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Acrel Console</source>
            <translation>Acrel Console 预付费电能管理</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No operator exists yet. Create the first administrator; this account then creates the other operators.</source>
            <translation>尚无操作员。请创建首个管理员；之后由该账号创建其他操作员。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Login name</source>
            <translation>登录名</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Full name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Password again</source>
            <translation>再次输入密码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Create administrator</source>
            <translation>创建管理员</translation>
        </message>
    </context>
    <context>
        <name>FormDialog</name>
        <message>
            <location filename="../../acrel_console/ui/form_dialog.py" line="+86" />
            <source>OK</source>
            <translation>确定</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
    </context>
    <context>
        <name>GatewayDialog</name>
        <message>
            <location filename="../../acrel_console/ui/gateway_dialog.py" line="+17" />
            <source>Serial port (RS485)</source>
            <translation>串口（RS485）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Modbus-TCP</source>
            <translation>Modbus-TCP</translation>
        </message>
        <message>
            <location line="+1" />
            <source>RTU over TCP</source>
            <translation>RTU over TCP（透传）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>None (N)</source>
            <translation>无校验（N）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Even (E)</source>
            <translation>偶校验（E）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Odd (O)</source>
            <translation>奇校验（O）</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Edit gateway</source>
            <translation>修改网关</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Add gateway</source>
            <translation>新增网关</translation>
        </message>
        <message>
            <location line="+9" />
            <source>/dev/ttyUSB0 or COM3</source>
            <translation>/dev/ttyUSB0 或 COM3</translation>
        </message>
        <message>
            <location line="+20" />
            <source>(none)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Gateway name</source>
            <translation>网关编号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Mode</source>
            <translation>网关模式</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Modbus-TCP: unit id = meter address. RTU over TCP: raw RTU frames in a TCP stream.</source>
            <translation>Modbus-TCP：单元标识即表地址。RTU over TCP：在 TCP 连接中透传 RTU 帧。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Serial port</source>
            <translation>串口号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Baud rate</source>
            <translation>波特率</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Parity</source>
            <translation>校验位</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stop bits</source>
            <translation>停止位</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Host</source>
            <translation>IP 地址</translation>
        </message>
        <message>
            <location line="+0" />
            <source>IP address or host name of the gateway</source>
            <translation>网关的 IP 地址或主机名</translation>
        </message>
        <message>
            <location line="+1" />
            <source>TCP port</source>
            <translation>TCP端口</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Timeout (ms)</source>
            <translation>超时（毫秒）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>How long to wait for a meter's answer (20-10000 ms).</source>
            <translation>等待电表应答的时间（20-10000 毫秒）。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Retries</source>
            <translation>重试次数</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Repeats after a timeout (0-5).</source>
            <translation>超时后的重试次数（0-5）。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Inter-frame delay (ms)</source>
            <translation>帧间隔（毫秒）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Pause between requests on this bus (0-1000 ms).</source>
            <translation>本总线上两次请求之间的间隔（0-1000 毫秒）。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The line hears its own requests</source>
            <translation>线路会收到本机发出的请求</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Local echo</source>
            <translation>本地回显</translation>
        </message>
        <message>
            <location line="+1" />
            <source>For two-wire RS485 adapters that echo what they send, also only in part. A whole echo is recognised without this setting.</source>
            <translation>用于会回显所发数据（包括只回显一部分）的两线制RS485转换器。完整的回显不勾选此项也能识别。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Building</source>
            <translation>建筑</translation>
        </message>
        <message>
            <location line="+2" />
            <source>(the site's own)</source>
            <translation>（本站）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Zone</source>
            <translation>分区</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Empty: polled by the site's own service. A name (letters, digits, - and _): polled by 'acrel-console serve --zone NAME', one per building or network.</source>
            <translation>留空：由本站服务抄读。填写名称（字母、数字、- 和 _）：由“acrel-console serve --zone 名称”抄读，每栋楼或每个网络一个。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Poll the meters on this gateway</source>
            <translation>轮询此网关下的电表</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Enabled</source>
            <translation>启用</translation>
        </message>
    </context>
    <context>
        <name>HistoryDialog</name>
        <message>
            <location filename="../../acrel_console/ui/meters/history_dialog.py" line="+95" />
            <source>History readings: {meter} ({room})</source>
            <translation>历史抄表记录：{meter}（{room}）</translation>
        </message>
        <message>
            <location line="+10" />
            <source>From</source>
            <translation>从</translation>
        </message>
        <message>
            <location line="+2" />
            <source>to</source>
            <translation>至</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Query</source>
            <translation>查询</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <location line="+54" />
            <source>{shown} of {total} readings</source>
            <translation>已显示 {shown} 条，共 {total} 条</translation>
        </message>
        <message>
            <location line="+4" />
            <location line="+14" />
            <source>Export history readings</source>
            <translation>导出历史抄表记录</translation>
        </message>
        <message>
            <location line="-12" />
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>history</source>
            <translation>历史抄表记录</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Saved to {path}</source>
            <translation>已保存到 {path}</translation>
        </message>
    </context>
    <context>
        <name>IntegrityDetails</name>
        <message>
            <location filename="../../acrel_console/ui/integrity_details.py" line="+14" />
            <source>Database</source>
            <translation>数据库</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ledger</source>
            <translation>账本</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Operation log</source>
            <translation>操作日志</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Operation {ref}: its entries do not add up to zero.</source>
            <translation>业务 {ref}：分录合计不为零。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Operation {ref} has no entries.</source>
            <translation>业务 {ref} 没有分录。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delivery {ref} has no ledger operation.</source>
            <translation>下发 {ref} 没有对应的账本业务。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Operation {ref} was never queued for its meter.</source>
            <translation>业务 {ref} 从未排队下发到电表。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Meter {ref}: the credit booked and the credit sent to it differ.</source>
            <translation>电表 {ref}：记账金额与下发金额不一致。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Operation {ref} reached its meter twice.</source>
            <translation>业务 {ref} 被电表重复执行。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delivery {ref} failed and is not resolved.</source>
            <translation>下发 {ref} 失败且尚未处理。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delivery {ref} is in conflict: an operator decides.</source>
            <translation>下发 {ref} 存在冲突：需操作员处理。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter {ref} shows more credit than the ledger gave it (take it over or clear it).</source>
            <translation>电表 {ref} 显示的余额多于账本给它的余额（请接管或清零）。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Meter {ref} shows less than the ledger, more than its consumption explains.</source>
            <translation>电表 {ref} 的余额低于账本，差额超出用电量可解释的范围。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Operation {ref} put credit on a balance without cash, a meter reading or an approved claim.</source>
            <translation>业务 {ref} 在无现金、无抄表读数、无审批申报的情况下增加了余额。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Operation {ref} reverses another account's sale.</source>
            <translation>业务 {ref} 冲正了其他户的售电。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The operation log is broken at row {ref}.</source>
            <translation>操作日志在第 {ref} 行处断裂。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The database file is damaged.</source>
            <translation>数据库文件已损坏。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The database could not be read.</source>
            <translation>无法读取数据库。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The ledger check itself failed.</source>
            <translation>账本检查本身失败。</translation>
        </message>
        <message>
            <location line="+13" />
            <source>{area}: {problem}</source>
            <translation>{area}：{problem}</translation>
        </message>
    </context>
    <context>
        <name>IntegrityDetailsDialog</name>
        <message>
            <location line="+11" />
            <source>Integrity check</source>
            <translation>完整性检查</translation>
        </message>
        <message>
            <location line="+18" />
            <source>(more problems not listed)</source>
            <translation>（更多问题未列出）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Copy details</source>
            <translation>复制详情</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
    </context>
    <context>
        <name>IntegrityStatus</name>
        <message>
            <location filename="../../acrel_console/ui/integrity_status.py" line="+81" />
            <source>(more problems not listed)</source>
            <translation>（更多问题未列出）</translation>
        </message>
        <message>
            <location line="-35" />
            <source>Integrity check</source>
            <translation>完整性检查</translation>
        </message>
    </context>
    <context>
        <name>KioskWindow</name>
        <message>
            <location filename="../../acrel_console/ui/kiosk_window.py" line="+134" />
            <source>Tenant service</source>
            <translation>用户查询系统</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Account no.</source>
            <translation>用户编号</translation>
        </message>
        <message>
            <location line="+4" />
            <source>PIN</source>
            <translation>查询密码</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Clear</source>
            <translation>清空</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Sign in</source>
            <translation>登录</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Sign out</source>
            <translation>退出登录</translation>
        </message>
        <message>
            <location line="+81" />
            <source>Hello, {name}</source>
            <translation>您好，{name}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>On</source>
            <translation>合闸</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Off</source>
            <translation>拉闸</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Unknown</source>
            <translation>未知</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Remaining amount</source>
            <translation>剩余金额</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Not read yet</source>
            <translation>尚未抄表</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+3" />
            <source>{amount} yuan</source>
            <translation>{amount} 元</translation>
        </message>
        <message>
            <location line="-2" />
            <source>Power</source>
            <translation>供电</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Top-up on its way</source>
            <translation>充值下发中</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Recharge history</source>
            <translation>购电记录</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Receipt no.</source>
            <translation>单据号</translation>
        </message>
    </context>
    <context>
        <name>Legend</name>
        <message>
            <location filename="../../acrel_console/ui/meters/legend.py" line="+96" />
            <source>Show only meters with this status (click again to show all)</source>
            <translation>只显示此状态的电表（再次点击显示全部）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>All {n}</source>
            <translation>全部 {n}</translation>
        </message>
    </context>
    <context>
        <name>ListExport</name>
        <message>
            <location filename="../../acrel_console/ui/list_export.py" line="+51" />
            <source>Export…</source>
            <translation>导出…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Save the rows shown as an Excel workbook</source>
            <translation>把显示的行保存为 Excel 工作簿</translation>
        </message>
        <message>
            <location line="+10" />
            <location line="+29" />
            <source>Export to Excel</source>
            <translation>导出到 Excel</translation>
        </message>
        <message>
            <location line="-27" />
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Exporting {title}…</source>
            <translation>正在导出{title}…</translation>
        </message>
        <message>
            <location line="+24" />
            <source>{n} rows written to {path}.</source>
            <translation>已写入 {n} 行到 {path}。</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <location filename="../../acrel_console/ui/login_dialog.py" line="+25" />
            <source>Acrel Console: sign in</source>
            <translation>Acrel Console：登陆</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Acrel Console</source>
            <translation>Acrel Console 预付费电能管理</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Operator</source>
            <translation>操作员</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sign in</source>
            <translation>登陆</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../acrel_console/ui/main_window.py" line="+47" />
            <location line="+197" />
            <source>Acrel Console</source>
            <translation>Acrel Console 预付费电能管理</translation>
        </message>
        <message>
            <location line="-99" />
            <source>&amp;Console</source>
            <translation>系统(&amp;C)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Change my password…</source>
            <translation>修改密码…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Sign in as another operator…</source>
            <translation>重新登陆…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>&amp;Go</source>
            <translation>转到(&amp;G)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Sell electricity</source>
            <translation>售电</translation>
        </message>
        <message>
            <location line="+54" />
            <source>Operator: {name} ({role})</source>
            <translation>操作员：{name}（{role}）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Database: {db}</source>
            <translation>数据库：{db}</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Poller: not running</source>
            <translation>抄表服务：未运行</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Working…</source>
            <translation>处理中…</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Password changed.</source>
            <translation>密码已修改。</translation>
        </message>
    </context>
    <context>
        <name>MeterCardWidget</name>
        <message>
            <location filename="../../acrel_console/ui/cashier/card_widget.py" line="+46" />
            <location line="+60" />
            <source>No meter chosen</source>
            <translation>未选择电表</translation>
        </message>
        <message>
            <location line="-55" />
            <source>Refresh meter status (F5)</source>
            <translation>刷新表状态（F5）</translation>
        </message>
        <message>
            <location line="+35" />
            <source>Resolve conflict…</source>
            <translation>处理冲突…</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Shop/room</source>
            <translation>商铺号</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Meter no.</source>
            <translation>表号</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Tenant</source>
            <translation>用户名称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Account no.</source>
            <translation>用户编号</translation>
        </message>
        <message>
            <location line="+0" />
            <source>In arrears</source>
            <translation>是否欠费</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Purchases</source>
            <translation>累计购电次数</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Total purchased</source>
            <translation>累计金额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remaining</source>
            <translation>剩余金额</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Max stored credit</source>
            <translation>允许上限</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Power threshold</source>
            <translation>功率阈值</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Relay</source>
            <translation>合闸状态</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Mode</source>
            <translation>强制模式</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Alarm status</source>
            <translation>告警状态</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Alarm 1 amount</source>
            <translation>告警金额1</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Alarm 2 amount</source>
            <translation>告警金额2</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Reading the meter…</source>
            <translation>正在抄读电表…</translation>
        </message>
        <message>
            <location line="+6" />
            <source>{tenant} · room {room} · meter no. {meter}</source>
            <translation>{tenant} · 商铺号 {room} · 表号 {meter}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Yes</source>
            <translation>是</translation>
        </message>
        <message>
            <location line="+0" />
            <source>No</source>
            <translation>否</translation>
        </message>
        <message>
            <location line="+3" />
            <source>(+{amount} pending)</source>
            <translation>（+{amount} 待下发）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Forced: keep power</source>
            <translation>强制合闸（保电）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Forced: tripped</source>
            <translation>强制拉闸</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Prepaid</source>
            <translation>预付费模式</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Closed</source>
            <translation>合闸</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Open</source>
            <translation>分闸</translation>
        </message>
        <message>
            <location line="+2" />
            <source>reading the meter…</source>
            <translation>正在读表…</translation>
        </message>
        <message>
            <location line="+7" />
            <source>No limit</source>
            <translation>不限</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Last read: {at}</source>
            <translation>最近抄读：{at}</translation>
        </message>
        <message>
            <location line="+17" />
            <source>No deliveries yet.</source>
            <translation>尚无下发记录。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Last delivery: {amount} yuan {state} (meter count {count}, remaining {remaining})</source>
            <translation>最近下发：{amount} 元 {state}（表内购电次数 {count}，剩余 {remaining}）</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Last delivery: {amount} yuan {state} — waiting for the meter</source>
            <translation>最近下发：{amount} 元 {state} — 等待电表</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Last delivery: {amount} yuan {state}: {error}</source>
            <translation>最近下发：{amount} 元 {state}：{error}</translation>
        </message>
    </context>
    <context>
        <name>MeterDialog</name>
        <message>
            <location filename="../../acrel_console/ui/meter_dialog.py" line="+29" />
            <source>Edit meter</source>
            <translation>修改仪表</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Add meter</source>
            <translation>新增仪表</translation>
        </message>
        <message>
            <location line="+18" />
            <source>(the gateway's building)</source>
            <translation>（与网关相同的建筑）</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Gateway</source>
            <translation>网关编号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>RS485 address</source>
            <translation>表地址</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The meter's bus address, unique on its gateway.</source>
            <translation>电表的总线地址，在同一网关下唯一。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Model</source>
            <translation>型号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Room / label</source>
            <translation>商铺号</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Shop or room number (商铺号).</source>
            <translation>商铺号或房间号。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Building</source>
            <translation>建筑</translation>
        </message>
        <message>
            <location line="+1" />
            <source>CT ratio</source>
            <translation>CT变比</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Current transformer ratio; 1 without CT.</source>
            <translation>电流互感器变比；无互感器时为 1。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Circuit</source>
            <translation>回路</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Circuit number on a multi-circuit meter (ADF400L); empty otherwise.</source>
            <translation>多回路电表（ADF400L）的回路号；其他电表留空。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter number</source>
            <translation>仪表编号</translation>
        </message>
        <message>
            <location line="+5" />
            <source>site default</source>
            <translation>默认值</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Alarm amount 1 (yuan)</source>
            <translation>告警金额1（元）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Empty: the site default. Prepaid meters get it downloaded and confirmed by read-back.</source>
            <translation>留空则用默认参数。预付费表下发并回读确认。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Alarm amount 2 (yuan)</source>
            <translation>告警金额2（元）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Below alarm amount 1; empty: the site default.</source>
            <translation>须小于告警金额1；留空则用默认参数。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Power threshold (kW)</source>
            <translation>功率阈值（kW）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Overload power; empty: the site default.</source>
            <translation>过载功率；留空则用默认参数。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>(none)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Main meter</source>
            <translation>总表</translation>
        </message>
        <message>
            <location line="+1" />
            <source>总表: this meter is one of its sub-meters in the loss analysis.</source>
            <translation>总表：损耗分析中本表是它的分表。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>This meter is the main meter of {n} sub-meter(s).</source>
            <translation>本表是 {n} 块分表的总表。</translation>
        </message>
        <message>
            <location line="+11" />
            <source>A prepaid meter takes changed thresholds by a settings download; they show here once the meter confirms them by read-back.</source>
            <translation>预付费表通过设置下发接收修改后的阈值；电表回读确认后才在此显示。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The console applies this meter's thresholds itself (console-billed).</source>
            <translation>本表由本系统计费，阈值由系统直接执行。</translation>
        </message>
    </context>
    <context>
        <name>MetersBox</name>
        <message>
            <location filename="../../acrel_console/ui/cashier/settle_dialogs.py" line="+42" />
            <source>cannot be read: claim</source>
            <translation>无法抄读：申报</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The meter is broken or gone: a supervisor approves what it is taken to hold (never more than the ledger's balance).</source>
            <translation>电表损坏或已拆除：由主管审批其剩余金额（不得超过账本余额）。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>claimed yuan</source>
            <translation>申报金额（元）</translation>
        </message>
    </context>
    <context>
        <name>MetersPage</name>
        <message>
            <location filename="../../acrel_console/ui/pages/__init__.py" line="+1" />
            <location filename="../../acrel_console/ui/pages/meters_page.py" line="+111" />
            <source>Meters</source>
            <translation>电表监控</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/pages/meters_page.py" line="+33" />
            <source>Search room, meter no., address, tenant</source>
            <translation>搜索商铺号、表号、地址、用户名</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Tiles</source>
            <translation>图块</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Table</source>
            <translation>表格</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Compact</source>
            <translation>紧凑</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Small tiles: room and remaining amount only, more meters per screen</source>
            <translation>小图块：只显示商铺号和剩余金额，一屏显示更多电表</translation>
        </message>
        <message>
            <location line="+89" />
            <source>Find a meter</source>
            <translation>查找电表</translation>
        </message>
        <message>
            <location line="+30" />
            <source>Your role may not do this.</source>
            <translation>您的角色无此权限。</translation>
        </message>
        <message>
            <location line="+190" />
            <source>Showing {shown} of {total} meters</source>
            <translation>显示 {shown} / 共 {total} 块电表</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{n} selected</source>
            <translation>已选 {n} 块</translation>
        </message>
        <message>
            <location line="+2" />
            <source>updated {time}</source>
            <translation>更新于 {time}</translation>
        </message>
        <message>
            <location line="+134" />
            <source>Select one or more meters first.</source>
            <translation>请先选择一个或多个电表。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>{n} console-billed meter(s): the console applies these thresholds from now on.</source>
            <translation>{n} 块由本系统计费的电表：从现在起由本系统按这些阈值判断。</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Tiered price settings</source>
            <translation>阶梯电价设置</translation>
        </message>
        <message>
            <location line="+11" />
            <source>There is no tiered tariff yet: create one under Tariffs first.</source>
            <translation>还没有阶梯电价方案：请先在电价管理中新建。</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Send alarm texts</source>
            <translation>下发报警短信</translation>
        </message>
        <message>
            <location line="+5" />
            <source>{n} text(s) queued.</source>
            <translation>已排队 {n} 条短信。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Not sent (no tenant phone): {rooms}</source>
            <translation>未发送（无用户手机号）：{rooms}</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Text the tenants of {n} meter(s) their alarm message now?</source>
            <translation>现在向 {n} 块电表的用户发送报警短信？</translation>
        </message>
        <message>
            <location line="+36" />
            <location line="+25" />
            <source>Export readings</source>
            <translation>抄表导出</translation>
        </message>
        <message>
            <location line="-23" />
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>readings</source>
            <translation>抄表</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Exporting readings…</source>
            <translation>正在导出抄表记录…</translation>
        </message>
        <message>
            <location line="+11" />
            <source>{n} meters exported to {path}</source>
            <translation>已导出 {n} 块电表到 {path}</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Refresh status</source>
            <translation>刷新表状态</translation>
        </message>
    </context>
    <context>
        <name>OpenAccountDialog</name>
        <message>
            <location filename="../../acrel_console/ui/cashier/account_dialogs.py" line="+25" />
            <source>Open account</source>
            <translation>开户</translation>
        </message>
        <message>
            <location line="+22" />
            <source>optional</source>
            <translation>可选</translation>
        </message>
        <message>
            <location line="+5" />
            <source>optional: a claim a supervisor approves</source>
            <translation>可选：需主管审批的申报</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Tenant name</source>
            <translation>用户名</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Shop/room</source>
            <translation>商铺号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Phone (SMS)</source>
            <translation>电话（短信）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meters (Space ticks)</source>
            <translation>电表（空格键勾选）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Credit already on the meters</source>
            <translation>表内已有余额</translation>
        </message>
        <message>
            <location line="+4" />
            <source>site default</source>
            <translation>默认值</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Alarm amount 1 (yuan)</source>
            <translation>告警金额1（元）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The ticked meters' own alarm 1; prepaid meters get it downloaded (read back).</source>
            <translation>所选电表的告警金额1；预付费表下发并回读确认。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Alarm amount 2 (yuan)</source>
            <translation>告警金额2（元）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Power threshold (kW)</source>
            <translation>功率阈值（kW）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>First top-up (yuan)</source>
            <translation>开户首充（元）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Payment method</source>
            <translation>付款方式</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Old meter balance (yuan)</source>
            <translation>老表金额转入（元）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Approval</source>
            <translation>审批</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tick one or more unopened meters with Space (one account, several meters).</source>
            <translation>用空格键勾选一个或多个未开户电表（一户多表）。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Credit carried over from the previous system (老表金额转入) that no meter reading shows: a claim, approved by a supervisor with a reason.</source>
            <translation>从原系统转入的余额（老表金额转入），且无电表读数为证：属于申报，需主管审批并注明原因。</translation>
        </message>
    </context>
    <context>
        <name>OperationForm</name>
        <message>
            <location filename="../../acrel_console/ui/cashier/operation_form.py" line="-412" />
            <source>Original sale</source>
            <translation>原售电记录</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Payment method</source>
            <translation>付款方式</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remark</source>
            <translation>备注</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Supervisor</source>
            <translation>主管</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Supervisor password</source>
            <translation>主管密码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A supervisor signs in here to approve</source>
            <translation>主管在此登录审批</translation>
        </message>
        <message>
            <location line="+55" />
            <source>Sell</source>
            <translation>售电</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Refund</source>
            <translation>退电</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Reverse</source>
            <translation>冲正</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Sale amount (yuan)</source>
            <translation>售电金额（元）</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Refund amount (yuan)</source>
            <translation>退电金额（元）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reversal amount (yuan)</source>
            <translation>冲正金额（元）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>whole open amount</source>
            <translation>全部可冲正金额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sell (Enter)</source>
            <translation>售电（回车）</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Refund (Enter)</source>
            <translation>退电（回车）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reverse (Enter)</source>
            <translation>冲正（回车）</translation>
        </message>
        <message>
            <location line="+49" />
            <source>No meter chosen: find the tenant, pick one meter.</source>
            <translation>未选电表：请先查找用户并选定一块电表。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Loading the meter…</source>
            <translation>正在读取电表…</translation>
        </message>
        <message>
            <location line="-9" />
            <source>{tenant} · room {room} · meter no. {meter}</source>
            <translation>{tenant} · 商铺号 {room} · 表号 {meter}</translation>
        </message>
        <message>
            <location line="+13" />
            <location line="+4" />
            <source>Reverse the chosen sale of {who}</source>
            <translation>冲正 {who} 的所选售电记录</translation>
        </message>
        <message>
            <location line="-2" />
            <source>Sell to {who}: type the amount</source>
            <translation>售电给 {who}：请输入金额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refund from {who}: type the amount</source>
            <translation>从 {who} 退电：请输入金额</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Sell {amount} yuan to {who}</source>
            <translation>售电 {amount} 元 → {who}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refund {amount} yuan from {who}</source>
            <translation>退电 {amount} 元 ← {who}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reverse {amount} yuan of the sale to {who}</source>
            <translation>冲正 {who} 的售电 {amount} 元</translation>
        </message>
        <message>
            <location line="+3" />
            <source>meter offline</source>
            <translation>电表失联</translation>
        </message>
        <message>
            <location line="+32" />
            <source>{receipt} · {at} · {amount} yuan, open {open} · {method} · {state}</source>
            <translation>{receipt} · {at} · {amount} 元，可冲正 {open} · {method} · {state}</translation>
        </message>
        <message>
            <location line="+6" />
            <source>This meter has no sale that can still be reversed.</source>
            <translation>此电表没有可冲正的售电记录。</translation>
        </message>
        <message>
            <location line="+55" />
            <source>The meter's card is still loading: press Enter again.</source>
            <translation>电表信息仍在读取，请稍后再按回车。</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Please confirm</source>
            <translation>请确认</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Yes, go ahead</source>
            <translation>是，继续(&amp;Y)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No, correct it</source>
            <translation>否，返回修改</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Working…</source>
            <translation>处理中…</translation>
        </message>
        <message>
            <location line="+27" />
            <source>Not done. Correct and press Enter again: the same operation is retried, never made twice.</source>
            <translation>未完成。修改后再按回车：将重试同一操作，绝不会重复执行。</translation>
        </message>
        <message>
            <location line="+57" />
            <source>Already done earlier (same operation): nothing was made twice.</source>
            <translation>此操作之前已完成（同一操作），未重复执行。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Refund of {amount} yuan asked of the meter: pay it out only when the meter confirms (the receipt prints then).</source>
            <translation>已向电表申请退电 {amount} 元：电表确认后才付款（届时打印小票）。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Reversal of {amount} yuan asked of the meter: pay it out only when the meter confirms (the receipt prints then).</source>
            <translation>已向电表申请冲正 {amount} 元：电表确认后才付款（届时打印小票）。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Sold {amount} yuan.</source>
            <translation>已售电 {amount} 元。</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Refunded {amount} yuan.</source>
            <translation>已退电 {amount} 元。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reversed {amount} yuan.</source>
            <translation>已冲正 {amount} 元。</translation>
        </message>
        <message>
            <location line="-4" />
            <location line="+4" />
            <source>Done: {amount} yuan.</source>
            <translation>完成：{amount} 元。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The sale's delivery had not been sent: it is cancelled, nothing reaches the meter.</source>
            <translation>该笔售电尚未下发：已取消，不会写入电表。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>A negative credit of {amount} yuan is being delivered to the meter.</source>
            <translation>正在向电表下发 -{amount} 元。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Delivering to the meter…</source>
            <translation>正在下发到电表…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Receipt {no}.</source>
            <translation>单据 {no}。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/cashier/operation_presenter.py" line="+118" />
            <source>{amount} yuan is more than {limit} yuan: is the amount right?</source>
            <translation>{amount} 元超过 {limit} 元：金额是否正确？</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The meter is offline: the money is taken now and the credit reaches the meter only when it answers again.</source>
            <translation>电表失联：现在收款，电量要等电表恢复通讯后才能下发到表。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/cashier/operation_form.py" />
            <source>{who}: {what}</source>
            <translation>{who}：{what}</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/cashier/operation_form.py" />
            <source>The meter confirmed the refund of {amount} yuan: pay out {paid} yuan.</source>
            <translation>电表已确认退电 {amount} 元：请付款 {paid} 元。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/cashier/operation_form.py" />
            <source>The meter confirmed the reversal of {amount} yuan: pay out {paid} yuan.</source>
            <translation>电表已确认冲正 {amount} 元：请付款 {paid} 元。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/cashier/operation_form.py" />
            <source>The meter confirmed: pay out {paid} yuan.</source>
            <translation>电表已确认：请付款 {paid} 元。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/cashier/operation_form.py" />
            <source>The meter had nothing to give back for the {amount} yuan asked: pay nothing out.</source>
            <translation>电表无可退金额（申请 {amount} 元）：无需付款。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/cashier/operation_form.py" />
            <source>The meter refused to give back {amount} yuan: pay nothing out (the alarm says why).</source>
            <translation>电表拒绝退回 {amount} 元：无需付款（原因见报警）。</translation>
        </message>
    </context>
    <context>
        <name>OperatorsPage</name>
        <message>
            <location filename="../../acrel_console/ui/pages/operators_page.py" line="+23" />
            <source>Operators</source>
            <translation>操作员管理</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Roles and permissions</source>
            <translation>权限管理</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Operation log</source>
            <translation>操作日志</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/pages/__init__.py" line="+7" />
            <location filename="../../acrel_console/ui/pages/operators_page.py" line="+6" />
            <source>Operators &amp; log</source>
            <translation>操作员与日志</translation>
        </message>
    </context>
    <context>
        <name>OperatorsPanel</name>
        <message>
            <location filename="../../acrel_console/ui/operators_panel.py" line="+43" />
            <source>Login name</source>
            <translation>登录名</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Full name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <location line="+1" />
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <location line="+2" />
            <source>operators</source>
            <translation>操作员</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Add operator…</source>
            <translation>新增操作员…</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+35" />
            <source>Disable</source>
            <translation>停用</translation>
        </message>
        <message>
            <location line="-34" />
            <source>Reset password…</source>
            <translation>重置密码…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Assign role…</source>
            <translation>设置角色…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Only administrators manage operators.</source>
            <translation>只有管理员可以管理操作员。</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Enable</source>
            <translation>启用</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Unlock</source>
            <translation>解锁</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Disabled</source>
            <translation>已停用</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Locked until {time}</source>
            <translation>锁定至 {time}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Active</source>
            <translation>正常</translation>
        </message>
        <message>
            <location line="+45" />
            <source>Enable operator {name}?</source>
            <translation>启用操作员 {name}？</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Unlock operator {name}?</source>
            <translation>解锁操作员 {name}？</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Disable operator {name}?</source>
            <translation>停用操作员 {name}？</translation>
        </message>
        <message>
            <location line="-99" />
            <location line="+101" />
            <source>Operators</source>
            <translation>操作员</translation>
        </message>
    </context>
    <context>
        <name>PaymentCasesPanel</name>
        <message>
            <location filename="../../acrel_console/ui/payment_cases_panel.py" line="-79" />
            <source>Paid, not on the meter</source>
            <translation>已付款未到表</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Wrong amount paid</source>
            <translation>付款金额不符</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refund owed</source>
            <translation>待退款</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Statement difference</source>
            <translation>对账差异</translation>
        </message>
        <message>
            <location line="+3" />
            <source>refund being asked</source>
            <translation>正在申请退款</translation>
        </message>
        <message>
            <location line="+1" />
            <source>refund in progress at the provider</source>
            <translation>支付渠道退款处理中</translation>
        </message>
        <message>
            <location line="+1" />
            <source>refund refused or failed</source>
            <translation>退款被拒或失败</translation>
        </message>
        <message>
            <location line="+15" />
            <location line="+204" />
            <source>waiting for a decision</source>
            <translation>待主管处理</translation>
        </message>
        <message>
            <location line="-203" />
            <source>not acknowledged</source>
            <translation>未确认</translation>
        </message>
        <message>
            <location line="+9" />
            <source>{paid} yuan paid for an order of {amount} yuan</source>
            <translation>订单金额 {amount} 元，实付 {paid} 元</translation>
        </message>
        <message>
            <location line="+5" />
            <source>the meter could not take {paid} yuan</source>
            <translation>电表无法充入 {paid} 元</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Case</source>
            <translation>异常类型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Since</source>
            <translation>发生时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Provider</source>
            <translation>支付渠道</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Room</source>
            <translation>商铺号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Order (yuan)</source>
            <translation>订单金额（元）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Paid (yuan)</source>
            <translation>实付金额（元）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Transaction no.</source>
            <translation>交易号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Detail</source>
            <translation>详情</translation>
        </message>
        <message>
            <location line="+49" />
            <source>Check the meter / deliver again…</source>
            <translation>核对电表/重新下发…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refund…</source>
            <translation>退款…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Credit to the meter…</source>
            <translation>充入电表…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ask for the refund again</source>
            <translation>重新申请退款</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Acknowledge…</source>
            <translation>确认…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location line="+33" />
            <source>{count} online payment cases</source>
            <translation>在线支付异常 {count} 条</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No online payment case: every paid order is on its meter or paid back.</source>
            <translation>没有在线支付异常：每笔已付款订单都已充入电表或已退回。</translation>
        </message>
        <message>
            <location line="+37" />
            <source>The delivery was settled; see its new state.</source>
            <translation>下发已处理，请查看新状态。</translation>
        </message>
        <message>
            <location line="+8" />
            <location line="+10" />
            <source>Order {order}: {state}.</source>
            <translation>订单 {order}：{state}。</translation>
        </message>
        <message>
            <location line="+20" />
            <source>The difference is acknowledged.</source>
            <translation>差异已确认。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>refund under way</source>
            <translation>退款处理中</translation>
        </message>
        <message>
            <location line="+1" />
            <source>paid back to the payer</source>
            <translation>已原路退回</translation>
        </message>
        <message>
            <location line="+1" />
            <source>credited to the meter</source>
            <translation>已充入电表</translation>
        </message>
    </context>
    <context>
        <name>PaymentDialog</name>
        <message>
            <location filename="../../acrel_console/ui/cashier/payment_dialog.py" line="+32" />
            <source>Scan to pay</source>
            <translation>扫码支付</translation>
        </message>
        <message>
            <location line="+2" />
            <source>WeChat Pay</source>
            <translation>微信扫码支付</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Alipay</source>
            <translation>支付宝扫码支付</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{amount} yuan</source>
            <translation>{amount} 元</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Room {room}</source>
            <translation>商铺号 {room}</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Cancel order</source>
            <translation>取消订单</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location line="+41" />
            <source>Cannot ask the provider now ({error}); trying again.</source>
            <translation>暂时无法查询支付结果（{error}），正在重试。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Waiting for the payment… the QR is valid for {min}:{sec:02d} more.</source>
            <translation>等待付款… 二维码还有 {min}:{sec:02d} 有效。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Paid. Sale booked (receipt {no}) and delivered to the meter.</source>
            <translation>已付款。售电已入账（单据 {no}），已下发到电表。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Paid. Sale booked (receipt {no}); delivering to the meter…</source>
            <translation>已付款。售电已入账（单据 {no}），正在下发到电表…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Paid {paid} yuan, not the {amount} yuan asked: nothing was credited; a supervisor decides.</source>
            <translation>实付 {paid} 元，与应付 {amount} 元不符：未充值，由主管处理。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Paid, but the meter cannot take it: the payment is refunded to the payer.</source>
            <translation>已付款，但电表无法充值：款项已原路退回。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The order expired unpaid.</source>
            <translation>订单已过期，未付款。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Cancelled: nothing was paid.</source>
            <translation>已取消：未付款。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The provider did not take the order: {error}</source>
            <translation>支付渠道未受理订单：{error}</translation>
        </message>
    </context>
    <context>
        <name>PaymentSetupForm</name>
        <message>
            <location filename="../../acrel_console/ui/payment_setup_form.py" line="+25" />
            <source>Merchant ID (mchid)</source>
            <translation>商户号（mchid）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>App ID (appid)</source>
            <translation>应用ID（appid）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Merchant API certificate serial number</source>
            <translation>商户API证书序列号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Merchant API private key (apiclient_key.pem)</source>
            <translation>商户API私钥（apiclient_key.pem）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>APIv3 key</source>
            <translation>APIv3密钥</translation>
        </message>
        <message>
            <location line="+1" />
            <source>WeChat Pay public key ID (public-key mode)</source>
            <translation>微信支付公钥ID（公钥模式）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>WeChat Pay public key (public-key mode)</source>
            <translation>微信支付公钥（公钥模式）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Payment notification URL</source>
            <translation>支付结果通知地址</translation>
        </message>
        <message>
            <location line="+1" />
            <source>API address (empty: the provider's own)</source>
            <translation>接口地址（留空：使用官方地址）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>App ID (APPID)</source>
            <translation>应用ID（APPID）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>App private key</source>
            <translation>应用私钥</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Alipay public key</source>
            <translation>支付宝公钥</translation>
        </message>
        <message>
            <location line="+246" />
            <source>Provider</source>
            <translation>支付渠道</translation>
        </message>
    </context>
    <context>
        <name>PeriodPicker</name>
        <message>
            <location filename="../../acrel_console/ui/reports/period_picker.py" line="+40" />
            <source>to</source>
            <translation>至</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Day</source>
            <translation>日报</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Month</source>
            <translation>月报</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Year</source>
            <translation>年报</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Date range</source>
            <translation>时间段</translation>
        </message>
    </context>
    <context>
        <name>PlaceholderPage</name>
        <message>
            <location filename="../../acrel_console/ui/pages/base.py" line="-19" />
            <source>This page is not built yet.</source>
            <translation>此页面尚未完成。</translation>
        </message>
    </context>
    <context>
        <name>PollerStatus</name>
        <message>
            <location filename="../../acrel_console/ui/poller_status.py" line="+50" />
            <source>Poller: not running</source>
            <translation>抄表服务：未运行</translation>
        </message>
        <message>
            <location line="+3" />
            <source>No site service since {time}: sales are booked and delivered when it returns</source>
            <translation>站点服务自 {time} 起未运行：售电已记账，服务恢复后下发</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Poller: running in this console</source>
            <translation>抄表服务：在本机运行</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Poller: running on {host}</source>
            <translation>抄表服务：运行于 {host}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Poller: stopped since {time}</source>
            <translation>抄表服务：自 {time} 起停止</translation>
        </message>
        <message>
            <location line="+5" />
            <source>{zone}: {state}</source>
            <translation>{zone}：{state}</translation>
        </message>
        <message>
            <location line="+0" />
            <source>site</source>
            <translation>本站</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Poller: unknown ({error})</source>
            <translation>抄表服务：状态未知（{error}）</translation>
        </message>
    </context>
    <context>
        <name>ProviderForm</name>
        <message>
            <location filename="../../acrel_console/ui/payment_setup_form.py" line="-195" />
            <source>From file…</source>
            <translation>从文件读取…</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Test connection</source>
            <translation>连接测试</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remove</source>
            <translation>删除</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Keys are kept beside the site key on this computer, never in the database or the operation log. A stored key shows as ********; leave it as it is to keep it. Fields marked * are required.</source>
            <translation>密钥与站点密钥一起保存在本机，不进入数据库和操作日志。已保存的密钥显示为 ********，保持不动即保留原密钥。带 * 的为必填项。</translation>
        </message>
        <message>
            <location line="+40" />
            <source>Not set up: {provider} cannot be offered at the counter or on the phone page.</source>
            <translation>未设置：柜台和手机页面不能使用{provider}。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Set up (platform-certificate mode): {provider} is offered at the counter and on the phone page.</source>
            <translation>已设置（平台证书模式）：柜台和手机页面可使用{provider}。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Set up (public-key mode): {provider} is offered at the counter and on the phone page.</source>
            <translation>已设置（公钥模式）：柜台和手机页面可使用{provider}。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Set up: {provider} is offered at the counter and on the phone page.</source>
            <translation>已设置：柜台和手机页面可使用{provider}。</translation>
        </message>
        <message>
            <location line="+42" />
            <source>Choose the key file</source>
            <translation>选择密钥文件</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Key files (*.pem *.key *.txt)</source>
            <translation>密钥文件 (*.pem *.key *.txt)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>All files (*)</source>
            <translation>所有文件 (*)</translation>
        </message>
        <message>
            <location line="+12" />
            <source>{field}: read from {file}; not saved yet.</source>
            <translation>{field}：已从 {file} 读取，尚未保存。</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Testing the connection…</source>
            <translation>正在测试连接…</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Connection test passed: {provider} accepted the keys.</source>
            <translation>连接测试通过：{provider}已接受密钥。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Saving…</source>
            <translation>正在保存…</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Saved. The change is in the operation log (without the keys).</source>
            <translation>已保存。修改已记入操作日志（不含密钥）。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Remove the settings</source>
            <translation>删除设置</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remove the {provider} settings and keys from this site? Online payment with {provider} stops until it is set up again.</source>
            <translation>从本站点删除{provider}的设置和密钥？重新设置之前将不能使用{provider}在线支付。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Removing…</source>
            <translation>正在删除…</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Removed.</source>
            <translation>已删除。</translation>
        </message>
    </context>
    <context>
        <name>QAbstractFileIconProvider</name>
        <message>
            <location filename="../../acrel_console/ui/qt_words.py" line="+16" />
            <source>Folder</source>
            <translation>文件夹</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Drive</source>
            <translation>驱动器</translation>
        </message>
        <message>
            <location line="+1" />
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 File</source>
            <translation>%1 文件</translation>
        </message>
    </context>
    <context>
        <name>QFileDialog</name>
        <message>
            <location line="-5" />
            <source>&amp;Look in:</source>
            <translation>查找范围(&amp;L)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Files of &amp;type:</source>
            <translation>文件类型(&amp;T)：</translation>
        </message>
    </context>
    <context>
        <name>QPrintDialog</name>
        <message>
            <location line="+5" />
            <source>Page &amp;Set:</source>
            <translation>页面集(&amp;S)：</translation>
        </message>
    </context>
    <context>
        <name>QuickConfigBar</name>
        <message>
            <location filename="../../acrel_console/ui/quick_config.py" line="+38" />
            <source>Sheet {sheet}, row {row}, column {column}: {message}</source>
            <translation>工作表 {sheet}，第 {row} 行，{column} 列：{message}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>… and {n} more.</source>
            <translation>… 另有 {n} 处。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Export template…</source>
            <translation>导出模板…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Import…</source>
            <translation>导入…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Write an Excel template with sheets for buildings, gateways and meters.</source>
            <translation>导出含建筑、网关和仪表工作表的 Excel 模板。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Import a filled template. Every row is checked; nothing is imported if any row is wrong.</source>
            <translation>导入已填写的模板。逐行校验；任一行有误则全部不导入。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Quick configuration:</source>
            <translation>快速配置：</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Export template</source>
            <translation>导出模板</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+11" />
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <location line="-5" />
            <source>Template written to {path}.</source>
            <translation>模板已保存到 {path}。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Import configuration</source>
            <translation>导入配置</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Imported {buildings} buildings, {gateways} gateways and {meters} meters.</source>
            <translation>已导入 {buildings} 个建筑、{gateways} 个网关和 {meters} 块仪表。</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Import refused, nothing changed:</source>
            <translation>导入被拒绝，未做任何更改：</translation>
        </message>
    </context>
    <context>
        <name>Receipt</name>
        <message>
            <location filename="../../acrel_console/ui/cashier/receipt_lines.py" line="+16" />
            <source>Spike</source>
            <translation>尖</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Peak</source>
            <translation>峰</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Flat</source>
            <translation>平</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Valley</source>
            <translation>谷</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Electricity refund slip</source>
            <translation>退电单据</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sale reversal slip</source>
            <translation>冲正单据</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Balance transfer slip</source>
            <translation>余额转移单据</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Opening balance slip</source>
            <translation>开户余额单据</translation>
        </message>
        <message>
            <location line="+32" />
            <source>{price} yuan/kWh</source>
            <translation>{price} 元/kWh</translation>
        </message>
        <message>
            <location line="+8" />
            <location line="+12" />
            <source>yuan</source>
            <translation>元</translation>
        </message>
        <message>
            <location line="-10" />
            <source>Receipt no.</source>
            <translation>单据编号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tenant</source>
            <translation>用户名</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Account no.</source>
            <translation>用户编号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Shop/room</source>
            <translation>商铺号</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Payment</source>
            <translation>付款方式</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Price</source>
            <translation>电价</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Balance after</source>
            <translation>购后余额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Purchase count</source>
            <translation>购电次数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Operator</source>
            <translation>操作员</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Original receipt</source>
            <translation>原单据编号</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Approved by</source>
            <translation>审批人</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Remark</source>
            <translation>备注</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Delivery</source>
            <translation>下发状态</translation>
        </message>
        <message>
            <location line="+1" />
            <source>REPRINT (copy {n})</source>
            <translation>补打（第{n}份）</translation>
        </message>
        <message>
            <location line="-70" />
            <source>Electricity sale receipt</source>
            <translation>售电单据</translation>
        </message>
        <message>
            <location line="+52" />
            <source>Meter no.</source>
            <translation>表号</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Keep this slip. The number is the same on every copy.</source>
            <translation>请妥善保存。补打的单据编号不变。</translation>
        </message>
    </context>
    <context>
        <name>ReceiptDialog</name>
        <message>
            <location filename="../../acrel_console/ui/cashier/receipt_dialog.py" line="+59" />
            <source>Receipt</source>
            <translation>单据</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Loading…</source>
            <translation>加载中…</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Save PDF…</source>
            <translation>保存 PDF…</translation>
        </message>
        <message>
            <location line="-3" />
            <source>&amp;Print (Enter)</source>
            <translation>打印(&amp;P)（回车）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Printer…</source>
            <translation>选择打印机…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Close (Esc)</source>
            <translation>关闭（Esc）</translation>
        </message>
        <message>
            <location line="+46" />
            <source>Save receipt as PDF</source>
            <translation>将单据保存为 PDF</translation>
        </message>
        <message>
            <location line="+2" />
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Saved to {path}</source>
            <translation>已保存到 {path}</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Printed: {where}</source>
            <translation>已打印：{where}</translation>
        </message>
    </context>
    <context>
        <name>RecordDetailDialog</name>
        <message>
            <location filename="../../acrel_console/ui/cashier/record_detail_dialog.py" line="+18" />
            <source>Record details</source>
            <translation>记录详情</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sale type</source>
            <translation>售电类型</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Created</source>
            <translation>创建日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Created by</source>
            <translation>创建人</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Approved by</source>
            <translation>审批人</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Account no.</source>
            <translation>用户编号</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Tenant</source>
            <translation>用户名</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter no.</source>
            <translation>表号</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Shop/room</source>
            <translation>商铺号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Payment method</source>
            <translation>付款方式</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Purchases before</source>
            <translation>上次购电次数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Total before</source>
            <translation>上次累计金额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remark</source>
            <translation>备注</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Receipt no.</source>
            <translation>单据编号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Original sale</source>
            <translation>原售电记录</translation>
        </message>
        <message>
            <location line="+0" />
            <source>(no receipt)</source>
            <translation>（无单据）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delivery</source>
            <translation>下发状态</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
    </context>
    <context>
        <name>RecordsPage</name>
        <message>
            <location filename="../../acrel_console/ui/pages/records_page.py" line="+77" />
            <location line="+4" />
            <source>Any</source>
            <translation>全部</translation>
        </message>
        <message>
            <location line="+3" />
            <source>login name</source>
            <translation>登录名</translation>
        </message>
        <message>
            <location line="+1" />
            <source>name, account no. or room</source>
            <translation>用户名、用户编号或商铺号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>meter no.</source>
            <translation>表号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>From</source>
            <translation>从</translation>
        </message>
        <message>
            <location line="+0" />
            <source>To</source>
            <translation>至</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+110" />
            <source>Cashier</source>
            <translation>售电员</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/cashier/records_export.py" line="+43" />
            <location filename="../../acrel_console/ui/pages/records_page.py" line="-109" />
            <location line="+110" />
            <source>Tenant</source>
            <translation>用户名</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../acrel_console/ui/pages/records_page.py" line="-110" />
            <location line="+111" />
            <source>Meter no.</source>
            <translation>表号</translation>
        </message>
        <message>
            <location line="+3" />
            <location filename="../../acrel_console/ui/pages/records_page.py" line="-110" />
            <location line="+111" />
            <source>Payment method</source>
            <translation>付款方式</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../acrel_console/ui/pages/records_page.py" line="-111" />
            <location line="+113" />
            <source>Sale type</source>
            <translation>售电类型</translation>
        </message>
        <message>
            <location line="-20" />
            <source>approved by {name}</source>
            <translation>审批人 {name}</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Created</source>
            <translation>创建日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Created by</source>
            <translation>创建人</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Account no.</source>
            <translation>用户编号</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Shop/room</source>
            <translation>商铺号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Purchases before</source>
            <translation>上次购电次数</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Total before</source>
            <translation>上次累计金额</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Remark</source>
            <translation>备注</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delivery</source>
            <translation>下发状态</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Records</source>
            <translation>记录数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sales</source>
            <translation>售电</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reversals</source>
            <translation>冲正</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refunds</source>
            <translation>退电</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Income (sales − reversals − refunds)</source>
            <translation>财务收入（售电 − 冲正 − 退电）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Sales by method</source>
            <translation>按付款方式售电</translation>
        </message>
        <message>
            <location line="+8" />
            <location filename="../../acrel_console/ui/pages/__init__.py" line="-4" />
            <location filename="../../acrel_console/ui/pages/records_page.py" line="-147" />
            <source>Sales records</source>
            <translation>售电查询</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/pages/records_page.py" line="+39" />
            <source>Search</source>
            <translation>查询</translation>
        </message>
        <message>
            <location line="+10" />
            <source>View details</source>
            <translation>查看详细</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Print slip</source>
            <translation>单据打印</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reverse…</source>
            <translation>冲正…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Export…</source>
            <translation>导出…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Shift close…</source>
            <translation>交班…</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Print the slip again</source>
            <translation>补打单据</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Export to Excel</source>
            <translation>导出 Excel</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Close a shift</source>
            <translation>交班</translation>
        </message>
        <message>
            <location line="+72" />
            <source>{label}: {value}</source>
            <translation>{label}：{value}</translation>
        </message>
        <message>
            <location line="+52" />
            <location line="+23" />
            <source>Export records</source>
            <translation>导出售电记录</translation>
        </message>
        <message>
            <location line="-21" />
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>records</source>
            <translation>售电记录</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Exporting records…</source>
            <translation>正在导出售电记录…</translation>
        </message>
        <message>
            <location line="+14" />
            <source>{n} records exported to {path}</source>
            <translation>已导出 {n} 条记录到 {path}</translation>
        </message>
    </context>
    <context>
        <name>ReplaceMeterDialog</name>
        <message>
            <location filename="../../acrel_console/ui/cashier/settle_dialogs.py" line="+111" />
            <source>Replace meter {no}</source>
            <translation>换表 {no}</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Old meter</source>
            <translation>旧表</translation>
        </message>
        <message>
            <location line="+1" />
            <source>New meter</source>
            <translation>新表</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Credit already on the new meter</source>
            <translation>新表内已有余额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Claim</source>
            <translation>申报</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Approval</source>
            <translation>审批</translation>
        </message>
    </context>
    <context>
        <name>ReportChart</name>
        <message>
            <location filename="../../acrel_console/ui/reports/chart_widget.py" line="+30" />
            <source>Amount (yuan)</source>
            <translation>金额（元）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Energy (kWh)</source>
            <translation>用电量（kWh）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Count</source>
            <translation>数量</translation>
        </message>
    </context>
    <context>
        <name>ReportExporter</name>
        <message>
            <location filename="../../acrel_console/ui/reports/export_runner.py" line="+75" />
            <source>Exporting {rows} rows…</source>
            <translation>正在导出 {rows} 行…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Export</source>
            <translation>导出</translation>
        </message>
    </context>
    <context>
        <name>ReportTableModel</name>
        <message>
            <location filename="../../acrel_console/ui/reports/table_model.py" line="+79" />
            <source>Total</source>
            <translation>合计</translation>
        </message>
    </context>
    <context>
        <name>ReportsPage</name>
        <message>
            <location filename="../../acrel_console/ui/pages/reports_page.py" line="+79" />
            <location line="+170" />
            <source>Tenant</source>
            <translation>用户</translation>
        </message>
        <message>
            <location line="-166" />
            <source>Query</source>
            <translation>查询</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Save chart as PNG…</source>
            <translation>图表另存为 PNG…</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Chart of</source>
            <translation>图表对象</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/pages/__init__.py" line="+1" />
            <location filename="../../acrel_console/ui/pages/reports_page.py" line="+52" />
            <source>Reports</source>
            <translation>报表中心</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/pages/reports_page.py" line="+30" />
            <source>By</source>
            <translation>统计方式</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Group</source>
            <translation>分组</translation>
        </message>
        <message>
            <location line="+43" />
            <source>Choose a tenant first.</source>
            <translation>请先选择用户。</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Querying…</source>
            <translation>正在查询…</translation>
        </message>
        <message>
            <location line="+28" />
            <source>{title} — {period}</source>
            <translation>{title} — {period}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{rows} rows</source>
            <translation>共 {rows} 行</translation>
        </message>
        <message>
            <location line="+6" />
            <source>All (total)</source>
            <translation>全部（合计）</translation>
        </message>
        <message>
            <location line="+37" />
            <source>Hour</source>
            <translation>时</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Day</source>
            <translation>日</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Month</source>
            <translation>月</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Save chart as PNG</source>
            <translation>图表另存为 PNG</translation>
        </message>
        <message>
            <location line="+2" />
            <source>PNG images (*.png)</source>
            <translation>PNG 图片 (*.png)</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Chart saved to {path}.</source>
            <translation>图表已保存到 {path}。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The chart could not be saved to {path}.</source>
            <translation>图表无法保存到 {path}。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Export to Excel</source>
            <translation>导出 Excel</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Exporting…</source>
            <translation>正在导出…</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Export cancelled; no file was written.</source>
            <translation>导出已取消，未写入文件。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Exported {rows} rows to {path}.</source>
            <translation>已导出 {rows} 行到 {path}。</translation>
        </message>
    </context>
    <context>
        <name>ResetPasswordDialog</name>
        <message>
            <location filename="../../acrel_console/ui/operator_dialogs.py" line="-44" />
            <source>Reset password of {name}</source>
            <translation>重置 {name} 的密码</translation>
        </message>
        <message>
            <location line="+4" />
            <source>New password</source>
            <translation>新密码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Password again</source>
            <translation>再次输入密码</translation>
        </message>
    </context>
    <context>
        <name>ReversalDialog</name>
        <message>
            <location filename="../../acrel_console/ui/cashier/reversal_dialog.py" line="+22" />
            <source>Reversal</source>
            <translation>冲正</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
    </context>
    <context>
        <name>RoleDialog</name>
        <message>
            <location filename="../../acrel_console/ui/operator_dialogs.py" line="+16" />
            <source>Role of {name}</source>
            <translation>{name} 的角色</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Role</source>
            <translation>角色</translation>
        </message>
    </context>
    <context>
        <name>RoleNameDialog</name>
        <message>
            <location filename="../../acrel_console/ui/roles_panel.py" line="+39" />
            <source>Role name</source>
            <translation>角色名称</translation>
        </message>
    </context>
    <context>
        <name>RolesPanel</name>
        <message>
            <location line="-11" />
            <source>{role} (built-in)</source>
            <translation>{role}（内置）</translation>
        </message>
        <message>
            <location line="+59" />
            <source>Copy…</source>
            <translation>复制…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rename…</source>
            <translation>重命名…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save permissions</source>
            <translation>保存权限</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Only operators with the operators right manage roles.</source>
            <translation>只有拥有操作员管理权限的操作员才能管理角色。</translation>
        </message>
        <message>
            <location line="+59" />
            <source>A built-in role is read-only. Copy it to make a role you can change.</source>
            <translation>内置角色只读。复制后可修改副本。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Copied from {source}; held by {n} operator(s). A change applies from each operator's next sign-in.</source>
            <translation>复制自{source}；{n} 名操作员使用。修改在各操作员下次登陆时生效。</translation>
        </message>
        <message>
            <location line="+35" />
            <source>Copy of {role}</source>
            <translation>{role}副本</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Copy role</source>
            <translation>复制角色</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Rename role</source>
            <translation>重命名角色</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Delete role</source>
            <translation>删除角色</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Delete the role {name}?</source>
            <translation>删除角色 {name}？</translation>
        </message>
    </context>
    <context>
        <name>SearchPanel</name>
        <message>
            <location filename="../../acrel_console/ui/cashier/search_panel.py" line="+41" />
            <source>Room, tenant, phone or meter number</source>
            <translation>商铺号、用户名、电话或表号</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Meter no.</source>
            <translation>表号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Account no.</source>
            <translation>用户编号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tenant</source>
            <translation>用户名</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Shop/room</source>
            <translation>商铺号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Total purchased</source>
            <translation>购电总额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Purchases</source>
            <translation>购电次数</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Building</source>
            <translation>建筑</translation>
        </message>
        <message>
            <location line="+76" />
            <source>Meters found: {n} — choose one with ↓ and Enter</source>
            <translation>找到 {n} 块电表：请用 ↓ 选择后按回车</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No meter of an open account matches.</source>
            <translation>没有匹配的已开户电表。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Meters found: {n}</source>
            <translation>找到电表：{n}</translation>
        </message>
    </context>
    <context>
        <name>SetPinDialog</name>
        <message>
            <location filename="../../acrel_console/ui/cashier/pin_dialog.py" line="+29" />
            <source>Set portal PIN: {name}</source>
            <translation>设置查询密码：{name}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The tenant signs in to the self-service page (phone or kiosk) with account no. {no} and this PIN. Setting it signs the tenant out everywhere and unlocks a locked sign-in.</source>
            <translation>用户凭用户编号 {no} 和此密码登录自助查询页面（手机或自助终端）。设置后，该用户已登录的设备全部退出，已锁定的登录随之解锁。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Generate a {n}-digit PIN</source>
            <translation>随机生成{n}位密码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Type the tenant's PIN</source>
            <translation>输入用户自选密码</translation>
        </message>
        <message>
            <location line="+5" />
            <source>PIN</source>
            <translation>查询密码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>New PIN</source>
            <translation>新密码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{minimum} to {maximum} digits; not one digit repeated, not a run like 123456.</source>
            <translation>{minimum}到{maximum}位数字；不可为同一数字重复，也不可为如123456的连续数字。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>New PIN again</source>
            <translation>再次输入新密码</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <location filename="../../acrel_console/ui/pages/settings_page.py" line="+55" />
            <source>Building name</source>
            <translation>建筑名</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Floor</source>
            <translation>楼层</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Area</source>
            <translation>区域</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Gateway name</source>
            <translation>网关编号</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Mode</source>
            <translation>网关模式</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Timeout (ms)</source>
            <translation>超时（毫秒）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Retries</source>
            <translation>重试次数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Inter-frame delay (ms)</source>
            <translation>帧间隔（毫秒）</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+8" />
            <source>Building</source>
            <translation>建筑</translation>
        </message>
        <message>
            <location line="-7" />
            <source>Enabled</source>
            <translation>启用</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Yes</source>
            <translation>是</translation>
        </message>
        <message>
            <location line="+0" />
            <source>No</source>
            <translation>否</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Gateway</source>
            <translation>网关编号</translation>
        </message>
        <message>
            <location line="+0" />
            <source>RS485 address</source>
            <translation>表地址</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Model</source>
            <translation>型号</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Room / label</source>
            <translation>商铺号</translation>
        </message>
        <message>
            <location line="+2" />
            <source>CT ratio</source>
            <translation>CT变比</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Circuit</source>
            <translation>回路</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter number</source>
            <translation>仪表编号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Alarm amount 1</source>
            <translation>告警金额1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Alarm amount 2</source>
            <translation>告警金额2</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Power threshold (kW)</source>
            <translation>功率阈值(kW)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Main meter</source>
            <translation>总表</translation>
        </message>
        <message>
            <location line="-21" />
            <location line="+33" />
            <source>Buildings</source>
            <translation>建筑</translation>
        </message>
        <message>
            <location line="-22" />
            <location line="+23" />
            <source>Gateways</source>
            <translation>网关</translation>
        </message>
        <message>
            <location line="-9" />
            <location line="+10" />
            <source>Meters</source>
            <translation>仪表</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Site defaults</source>
            <translation>默认参数设置</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Online payment</source>
            <translation>在线支付</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This workstation</source>
            <translation>本机设置</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/pages/__init__.py" line="+2" />
            <location filename="../../acrel_console/ui/pages/settings_page.py" line="+10" />
            <source>Settings</source>
            <translation>系统设置</translation>
        </message>
    </context>
    <context>
        <name>SettleDialog</name>
        <message>
            <location filename="../../acrel_console/ui/cashier/settle_dialogs.py" line="-98" />
            <source>Close account {no} · {name}</source>
            <translation>销户 {no} · {name}</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Remove a meter from {name}</source>
            <translation>从 {name} 撤表</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Each meter is read as its credit is taken back; the drawer pays out only what the meters confirm.</source>
            <translation>退电时实时抄读每块电表；只按电表确认退回的金额付款。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Refund to the tenant</source>
            <translation>退还给用户</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Transfer to another meter</source>
            <translation>转到其他电表</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Meters</source>
            <translation>电表</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Claim</source>
            <translation>申报</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Approval</source>
            <translation>审批</translation>
        </message>
        <message>
            <location line="-5" />
            <source>Remaining balance</source>
            <translation>剩余余额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refund paid by</source>
            <translation>退款方式</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Transfer to</source>
            <translation>转入电表</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reason</source>
            <translation>原因</translation>
        </message>
    </context>
    <context>
        <name>SettleDialogs</name>
        <message>
            <location line="-74" />
            <source>ledger {ledger} yuan · meter last showed {shown} yuan</source>
            <translation>账本 {ledger} 元 · 电表上次显示 {shown} 元</translation>
        </message>
    </context>
    <context>
        <name>SettlementSlip</name>
        <message>
            <location filename="../../acrel_console/ui/cashier/settlement_slip.py" line="+24" />
            <source>returned {amount}</source>
            <translation>已退回 {amount}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>(claim approved by a supervisor)</source>
            <translation>（主管审批的申报）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>used before settling {amount}</source>
            <translation>结算前已用 {amount}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>still outstanding {amount}</source>
            <translation>仍待退回 {amount}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>NOT returned {amount}: the meter refused</source>
            <translation>未退回 {amount}：电表拒绝</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Account closing settlement</source>
            <translation>销户结算单</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Meter removal settlement</source>
            <translation>撤表结算单</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter replacement settlement</source>
            <translation>换表结算单</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Settled</source>
            <translation>已结清</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Still settling: waiting for the meters</source>
            <translation>结算中：等待电表确认</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not settled: a meter refused; nothing was paid for what it kept</source>
            <translation>未结清：电表拒绝退电，其保留部分未付款</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Tenant</source>
            <translation>用户名</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Account no.</source>
            <translation>用户编号</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Shop/room</source>
            <translation>商铺号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Meter {no}</source>
            <translation>电表 {no}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Total returned</source>
            <translation>退回合计</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Paid out</source>
            <translation>已退款</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Moved to the other meter</source>
            <translation>已转入另一电表</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Still outstanding</source>
            <translation>仍未结清</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Meter commands</source>
            <translation>电表指令</translation>
        </message>
        <message>
            <location line="+0" />
            <source>{n} queued (relay, prepaid mode)</source>
            <translation>已排队 {n} 条（合闸/拉闸、预付费模式）</translation>
        </message>
        <message>
            <location line="-40" />
            <source>yuan</source>
            <translation>元</translation>
        </message>
        <message>
            <location line="+41" />
            <source>Operator</source>
            <translation>操作员</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Signed by the tenant: ____________</source>
            <translation>用户签字：____________</translation>
        </message>
    </context>
    <context>
        <name>ShiftDialog</name>
        <message>
            <location filename="../../acrel_console/ui/cashier/shift_dialog.py" line="+33" />
            <source>Shift close</source>
            <translation>交班</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Open shift</source>
            <translation>未交班班次</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Sales</source>
            <translation>售电</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Refunds</source>
            <translation>退电</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Reversals</source>
            <translation>冲正</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Expected in drawer</source>
            <translation>应有金额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Total</source>
            <translation>合计</translation>
        </message>
        <message>
            <location line="+19" />
            <source>optional</source>
            <translation>可选</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Counted cash (yuan)</source>
            <translation>清点现金（元）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Supervisor</source>
            <translation>主管</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Supervisor password</source>
            <translation>主管密码</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Close shift</source>
            <translation>交班</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location line="+19" />
            <source>{cashier} · since {at} (shift {id})</source>
            <translation>{cashier} · 自 {at}（班次 {id}）</translation>
        </message>
        <message>
            <location line="+9" />
            <source>No shift is open.</source>
            <translation>没有未交班的班次。</translation>
        </message>
        <message>
            <location line="+25" />
            <source>{sales} sales, {refunds} refunds, {reversals} reversals</source>
            <translation>售电 {sales} 笔，退电 {refunds} 笔，冲正 {reversals} 笔</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Expected cash in the drawer: {amount} yuan</source>
            <translation>钱箱应有现金：{amount} 元</translation>
        </message>
        <message>
            <location line="+40" />
            <source>Counted minus expected: {d} yuan.</source>
            <translation>清点减应有：{d} 元。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Shift {id} closed by {name}.</source>
            <translation>班次 {id} 已由 {name} 交班。</translation>
        </message>
    </context>
    <context>
        <name>SiteDefaultsForm</name>
        <message>
            <location filename="../../acrel_console/ui/site_defaults_form.py" line="+24" />
            <source>Site and meter reading</source>
            <translation>站点与抄表</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Alarms, credit and power</source>
            <translation>报警、金额与功率</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Energy cost (revenue report)</source>
            <translation>电价成本（电费收益报表）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SMS</source>
            <translation>短信</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Operator sign-in</source>
            <translation>操作员登陆</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tenant portal</source>
            <translation>用户查询系统</translation>
        </message>
        <message>
            <location line="+4" />
            <source>No text messages</source>
            <translation>不发短信</translation>
        </message>
        <message>
            <location line="+1" />
            <source>GSM modem on a serial port</source>
            <translation>短信猫（串口 GSM 模块）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SMS gateway (HTTP)</source>
            <translation>短信网关（HTTP）</translation>
        </message>
        <message>
            <location line="+92" />
            <source>Save defaults</source>
            <translation>保存默认参数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Revert</source>
            <translation>还原</translation>
        </message>
        <message>
            <location line="+24" />
            <source>In use: {zone} (UTC{offset}); site time now {time}. Every time, day, shift and report follows this zone, not the computer's own.</source>
            <translation>当前使用：{zone}（UTC{offset}）；现场时间 {time}。所有时间、日期、班次和报表都按此时区计算，不使用本机时区。</translation>
        </message>
    </context>
    <context>
        <name>SiteTree</name>
        <message>
            <location filename="../../acrel_console/ui/meters/site_tree.py" line="+55" />
            <source>All meters ({n})</source>
            <translation>全部电表 ({n})</translation>
        </message>
        <message>
            <location line="+6" />
            <source>No building</source>
            <translation>未分配建筑</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Gateway {name}</source>
            <translation>网关 {name}</translation>
        </message>
    </context>
    <context>
        <name>SlipDialog</name>
        <message>
            <location filename="../../acrel_console/ui/cashier/slip_dialog.py" line="+45" />
            <source>Print…</source>
            <translation>打印…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Save PDF…</source>
            <translation>保存 PDF…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Save slip as PDF</source>
            <translation>将单据保存为 PDF</translation>
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
            <translation>单一电价</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Time of use (spike/peak/flat/valley)</source>
            <translation>尖峰平谷电价</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tiered</source>
            <translation>阶梯电价</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Spike</source>
            <translation>尖</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Peak</source>
            <translation>峰</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Flat</source>
            <translation>平</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Valley</source>
            <translation>谷</translation>
        </message>
        <message>
            <location line="+15" />
            <source>New tariff version</source>
            <translation>新电价版本</translation>
        </message>
        <message>
            <location line="+0" />
            <source>New tariff</source>
            <translation>新建电价</translation>
        </message>
        <message>
            <location line="+20" />
            <source>per month</source>
            <translation>按月</translation>
        </message>
        <message>
            <location line="+1" />
            <source>per year</source>
            <translation>按年</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+54" />
            <source>Price (yuan/kWh)</source>
            <translation>电价（元/kWh）</translation>
        </message>
        <message>
            <location line="-53" />
            <source>Prices (yuan/kWh)</source>
            <translation>电价（元/kWh）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Day periods</source>
            <translation>日时段</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tiers</source>
            <translation>阶梯</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Effective from</source>
            <translation>生效日期</translation>
        </message>
        <message>
            <location line="+49" />
            <source>Up to (kWh)</source>
            <translation>上限（kWh）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Tier {n}</source>
            <translation>第{n}阶梯</translation>
        </message>
        <message>
            <location line="+1" />
            <source>(rest)</source>
            <translation>（其余）</translation>
        </message>
    </context>
    <context>
        <name>TariffsPanel</name>
        <message>
            <location filename="../../acrel_console/ui/cashier/tariffs_panel.py" line="+34" />
            <source>New tariff…</source>
            <translation>新建电价…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>New version…</source>
            <translation>新版本…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Assign to meters…</source>
            <translation>分配到电表…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Prices (yuan/kWh)</source>
            <translation>电价（元/kWh）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Periods/tiers</source>
            <translation>时段/阶梯数</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Effective from</source>
            <translation>生效日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Versions</source>
            <translation>版本数</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Tariffs</source>
            <translation>电价方案</translation>
        </message>
        <message>
            <location line="+0" />
            <source>tariffs</source>
            <translation>电价方案</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Your role may not change tariffs.</source>
            <translation>您的角色不能修改电价。</translation>
        </message>
        <message>
            <location line="+63" />
            <source>Day-period schedule download</source>
            <translation>时段表下发</translation>
        </message>
    </context>
    <context>
        <name>TaskRunner</name>
        <message>
            <location filename="../../acrel_console/ui/tasks.py" line="+46" />
            <source>Unexpected error: {error}</source>
            <translation>意外错误：{error}</translation>
        </message>
    </context>
    <context>
        <name>WorkstationForm</name>
        <message>
            <location filename="../../acrel_console/ui/workstation_form.py" line="+22" />
            <source>Follow the system</source>
            <translation>跟随系统</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The new language applies the next time the console starts.</source>
            <translation>新语言将在下次启动时生效。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Apply now</source>
            <translation>立即应用</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Status colours</source>
            <translation>状态颜色</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Legend</source>
            <translation>图例</translation>
        </message>
    </context>
    <context>
        <name>alarms</name>
        <message>
            <location filename="../../acrel_console/domain/alarms.py" line="+30" />
            <source>Alarm 1 (low balance)</source>
            <translation>报警1（余额不足）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Alarm 2 (very low balance)</source>
            <translation>报警2（余额严重不足）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Arrears</source>
            <translation>欠费</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Overload</source>
            <translation>过载</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Under-voltage</source>
            <translation>欠压</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter offline</source>
            <translation>电表失联</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Relay opened unexpectedly</source>
            <translation>继电器意外分闸</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Gateway offline</source>
            <translation>网关失联</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delivery conflict</source>
            <translation>下发冲突</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delivery MAC failure</source>
            <translation>下发校验（MAC）失败</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reconciliation mismatch</source>
            <translation>对账不符</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Integrity check failed</source>
            <translation>完整性校验失败</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Online payment case</source>
            <translation>在线支付异常</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Credit not returned by the meter</source>
            <translation>电表未退回余额</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/alarms.py" line="+29" />
            <source>{room}: balance {balance} yuan is at or below alarm 1.</source>
            <translation>{room}：剩余金额 {balance} 元，已达告警金额1。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{room}: balance {balance} yuan is at or below alarm 2.</source>
            <translation>{room}：剩余金额 {balance} 元，已达告警金额2。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{room}: in arrears, balance {balance} yuan.</source>
            <translation>{room}：已欠费，剩余金额 {balance} 元。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{room}: power above the overload limit.</source>
            <translation>{room}：功率超过功率阈值。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{room}: voltage {voltage} V is too low.</source>
            <translation>{room}：电压 {voltage} V 过低。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{room}: the meter does not answer.</source>
            <translation>{room}：电表无应答（失联）。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{room}: the relay is open although the balance is {balance} yuan.</source>
            <translation>{room}：剩余金额为 {balance} 元，但继电器处于分闸状态。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Gateway {gateway} cannot be reached: {error}</source>
            <translation>无法连接网关 {gateway}：{error}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{room}: delivery {command} needs an operator: {reason}</source>
            <translation>{room}：下发 {command} 需要人工处理：{reason}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delivery {command} was refused: its MAC does not match (forged or altered).</source>
            <translation>下发 {command} 被拒绝：MAC 校验不符（伪造或被篡改）。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{room}: ledger balance {ledger} yuan differs from the meter's {meter} yuan.</source>
            <translation>{room}：账务余额 {ledger} 元与电表余额 {meter} 元不符。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Integrity check failed: {problem}</source>
            <translation>完整性校验失败：{problem}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{provider} {trade}: {problem}</source>
            <translation>{provider} {trade}：{problem}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{room}: the meter refused to give back {amount} yuan; nothing was paid or moved for it.</source>
            <translation>{room}：电表拒绝退回 {amount} 元；该部分未付款也未转移。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/alarms/severity.py" line="+22" />
            <source>Critical</source>
            <translation>严重</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Warning</source>
            <translation>警告</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Notice</source>
            <translation>提示</translation>
        </message>
    </context>
    <context>
        <name>audit</name>
        <message>
            <location filename="../../acrel_console/ui/audit_kinds.py" line="+8" />
            <source>First administrator created</source>
            <translation>创建首个管理员</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Signed in</source>
            <translation>登陆</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Account locked</source>
            <translation>账号锁定</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Account unlocked</source>
            <translation>账号解锁</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Operator added</source>
            <translation>新增操作员</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Operator enabled</source>
            <translation>启用操作员</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Operator disabled</source>
            <translation>停用操作员</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Role changed</source>
            <translation>修改角色</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Role copied</source>
            <translation>角色已复制</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Role permissions changed</source>
            <translation>角色权限已修改</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Role renamed</source>
            <translation>角色已重命名</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Role deleted</source>
            <translation>角色已删除</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Password changed</source>
            <translation>修改密码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Building added</source>
            <translation>新增建筑</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Building changed</source>
            <translation>修改建筑</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Building removed</source>
            <translation>删除建筑</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Gateway added</source>
            <translation>新增网关</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Gateway changed</source>
            <translation>修改网关</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Gateway removed</source>
            <translation>删除网关</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter added</source>
            <translation>新增仪表</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter changed</source>
            <translation>修改仪表</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter removed</source>
            <translation>删除仪表</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter replaced</source>
            <translation>换表</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Site defaults changed</source>
            <translation>修改默认参数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SMS gateway key moved to the secrets file</source>
            <translation>短信网关密钥已移入密钥文件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Configuration imported</source>
            <translation>导入配置</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Site service started</source>
            <translation>站点服务已启动</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Account opened</source>
            <translation>开户</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Account closed</source>
            <translation>销户</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter added to account</source>
            <translation>开户后加表</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter removed from account</source>
            <translation>账户移除电表</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Alarm acknowledged</source>
            <translation>确认报警</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tariff created</source>
            <translation>新增电价方案</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tariff version added</source>
            <translation>新增电价版本</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tariff assigned</source>
            <translation>分配电价方案</translation>
        </message>
        <message>
            <location line="+1" />
            <source>New prices sent to meters</source>
            <translation>电价下发（新电价生效）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Receipt reprinted</source>
            <translation>单据补打</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Shift closed</source>
            <translation>结班</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Backup made</source>
            <translation>备份</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Backup restored</source>
            <translation>恢复备份</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sale</source>
            <translation>售电</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refund</source>
            <translation>退电</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reversal</source>
            <translation>冲正</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Opening credit</source>
            <translation>开户首充</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Balance transfer</source>
            <translation>余额转移</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Trip sent</source>
            <translation>下发拉闸</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Close sent</source>
            <translation>下发合闸</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Keep power sent</source>
            <translation>下发保电</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Restore prepaid sent</source>
            <translation>下发恢复预付费</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Price download sent</source>
            <translation>下发电价</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Settings download sent</source>
            <translation>下发报警/功率参数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Clock sync sent</source>
            <translation>下发校时</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Schedule download sent</source>
            <translation>时段表已下发</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Command confirmed</source>
            <translation>指令已确认</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Read-back mismatch</source>
            <translation>回读不一致</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Command refused</source>
            <translation>指令被拒绝</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No reply</source>
            <translation>无应答</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Command rejected by the meter</source>
            <translation>电表拒绝指令</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Gateway unavailable</source>
            <translation>网关不可用</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Command cancelled</source>
            <translation>指令已取消</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Commands cancelled</source>
            <translation>取消指令</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Commands resent</source>
            <translation>重发指令</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter back online</source>
            <translation>电表恢复通讯</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter offline</source>
            <translation>电表失联</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Integrity check failed</source>
            <translation>完整性检查失败</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Backup failed</source>
            <translation>备份失败</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delivery MAC failure</source>
            <translation>下发校验失败</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delivery conflict</source>
            <translation>下发冲突</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Consumption billed</source>
            <translation>电费扣费</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Billing re-based</source>
            <translation>计费重新基准</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delivery confirmed by an operator</source>
            <translation>人工确认已下发</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Credit delivered</source>
            <translation>已下发到表</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delivery re-issued</source>
            <translation>重新下发</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delivery renumbered</source>
            <translation>下发序号调整</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Text sent by hand</source>
            <translation>手动下发短信</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SMS template changed</source>
            <translation>短信模板修改</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Test text sent</source>
            <translation>测试短信</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tier price step</source>
            <translation>阶梯电价切换</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Integrity check</source>
            <translation>完整性检查</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Receipt printed</source>
            <translation>单据打印</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Sending credit to the meter</source>
            <translation>正在向电表下发</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Restored deliveries read against the meters</source>
            <translation>恢复的下发记录已与电表核对</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Restored database found</source>
            <translation>发现恢复的数据库</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter thresholds changed</source>
            <translation>电表阈值已修改</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Online payment cancelled</source>
            <translation>在线支付已取消</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Online payment held</source>
            <translation>在线支付已挂起</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Payment notice refused</source>
            <translation>支付通知被拒绝</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Online payment received</source>
            <translation>收到在线支付</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Payment statement reconciled</source>
            <translation>支付对账单已核对</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Payment statement could not be reconciled</source>
            <translation>对账单对账失败</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Online payment refunded</source>
            <translation>在线支付已退款</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Online payment resolved</source>
            <translation>在线支付已处理</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Online payment refund asked again</source>
            <translation>在线支付重新申请退款</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Payment provider set up</source>
            <translation>支付渠道已设置</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Payment provider tested</source>
            <translation>支付渠道已测试</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tenant sign-in locked</source>
            <translation>用户登录已锁定</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tenant signed in</source>
            <translation>用户已登录</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tenant signed out</source>
            <translation>用户已退出</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tenant PIN changed</source>
            <translation>用户密码已修改</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tenant PIN set</source>
            <translation>用户密码已设置</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tenant text sent</source>
            <translation>已向用户发送短信</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Existing meter credit taken over or cleared</source>
            <translation>表内原有余额已接管或清零</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Claim for an unreadable meter approved</source>
            <translation>无法抄读电表的申报已审批</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Account closing started</source>
            <translation>开始销户</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Account closing stuck: a meter refused</source>
            <translation>销户未完成：电表拒绝退电</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter removal started</source>
            <translation>开始撤表</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter removal stuck: a meter refused</source>
            <translation>撤表未完成：电表拒绝退电</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter replacement started</source>
            <translation>开始换表</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter replacement stuck: a meter refused</source>
            <translation>换表未完成：电表拒绝退电</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Credit asked back from a meter</source>
            <translation>向电表申请退回余额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter confirmed the credit given back</source>
            <translation>电表确认已退回余额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter refused to give credit back</source>
            <translation>电表拒绝退回余额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tenants imported from the previous system</source>
            <translation>从原系统导入用户</translation>
        </message>
    </context>
    <context>
        <name>cashier</name>
        <message>
            <location filename="../../acrel_console/ui/cashier/labels.py" line="+9" />
            <source>Cash</source>
            <translation>现金缴费</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Card terminal</source>
            <translation>刷卡机缴费</translation>
        </message>
        <message>
            <location line="+1" />
            <source>WeChat Pay</source>
            <translation>微信扫码支付</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Alipay</source>
            <translation>支付宝扫码支付</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Bank transfer</source>
            <translation>公对公转账</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Normal sale</source>
            <translation>正常售电</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+7" />
            <source>Reversal</source>
            <translation>冲正</translation>
        </message>
        <message>
            <location line="-6" />
            <location line="+5" />
            <source>Refund</source>
            <translation>退电</translation>
        </message>
        <message>
            <location line="-1" />
            <source>Sale</source>
            <translation>售电</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Balance transfer</source>
            <translation>余额转移</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Opening balance</source>
            <translation>期初余额</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Pending</source>
            <translation>待下发</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sending</source>
            <translation>下发中</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delivered</source>
            <translation>已下发</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Conflict</source>
            <translation>冲突</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Failed</source>
            <translation>失败</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
    </context>
    <context>
        <name>confirm</name>
        <message>
            <location filename="../../acrel_console/ui/confirm.py" line="+14" />
            <source>Yes</source>
            <translation>是</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No</source>
            <translation>否</translation>
        </message>
        <message>
            <location line="+17" />
            <source>OK</source>
            <translation>确定</translation>
        </message>
    </context>
    <context>
        <name>control</name>
        <message>
            <location filename="../../acrel_console/services/remote_control.py" line="+67" />
            <source>Trip</source>
            <translation>拉闸</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Close</source>
            <translation>合闸</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Keep power</source>
            <translation>保电</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Restore prepaid</source>
            <translation>恢复预付费</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Price download</source>
            <translation>电价下发</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Settings download</source>
            <translation>参数下发</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Clock sync</source>
            <translation>校时</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Schedule download</source>
            <translation>时段表下发</translation>
        </message>
    </context>
    <context>
        <name>demo</name>
        <message>
            <location filename="../../acrel_console/services/demo_site.py" line="+50" />
            <source>Demo site: 212 simulated meters on 3 gateways. Sign in as admin / admin123 (administrator), operator / operator123, cashier / cashier123, supervisor / super123 or auditor / auditor123.</source>
            <translation>演示站点：3 个网关上的 212 块模拟电表。登录：admin / admin123（管理员）、operator / operator123（操作员）、cashier / cashier123（收费员）、supervisor / super123（主管）或 auditor / auditor123（审计员）。</translation>
        </message>
    </context>
    <context>
        <name>errors</name>
        <message>
            <location filename="../../acrel_console/cli/common.py" line="+23" />
            <source>{problem} (see '{command} --help')</source>
            <translation>{problem}（参见“{command} --help”）</translation>
        </message>
        <message>
            <location line="+59" />
            <source>Cannot read the password file {path}: {reason}</source>
            <translation>无法读取密码文件 {path}：{reason}</translation>
        </message>
        <message>
            <location line="+20" />
            <source>There is no database at {path}: check --db (or ACREL_DB), or create it with 'acrel-console init'.</source>
            <translation>{path} 处没有数据库：请检查 --db（或 ACREL_DB），或用“acrel-console init”创建。</translation>
        </message>
        <message>
            <location line="+27" />
            <source>This command needs --user NAME (password in ACREL_PASSWORD or --password-file).</source>
            <translation>此命令需要 --user 操作员名（密码放在 ACREL_PASSWORD 或 --password-file 中）。</translation>
        </message>
        <message>
            <location line="+3" />
            <location filename="../../acrel_console/cli/site.py" line="+141" />
            <source>No password: set ACREL_PASSWORD or use --password-file.</source>
            <translation>没有密码：请设置 ACREL_PASSWORD 或使用 --password-file。</translation>
        </message>
        <message>
            <location line="+111" />
            <source>The database cannot be reached: {reason}</source>
            <translation>无法连接数据库：{reason}</translation>
        </message>
        <message>
            <location line="+9" />
            <source>The database URL is not one this program can use: {reason}</source>
            <translation>本程序无法使用该数据库 URL：{reason}</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Cannot use the file {path}: {reason}</source>
            <translation>无法使用文件 {path}：{reason}</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Unexpected error ({kind}): {detail}. The details are in {log}.</source>
            <translation>意外错误（{kind}）：{detail}。详情见 {log}。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/cli/maintenance.py" line="+45" />
            <source>Restore overwrites the database: add --yes to confirm.</source>
            <translation>恢复将覆盖数据库：请加 --yes 确认。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Restore cancelled; nothing changed.</source>
            <translation>已取消恢复，未做任何更改。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/cli/site.py" line="-17" />
            <source>No new password: set ACREL_NEW_PASSWORD or use --new-password-file.</source>
            <translation>没有新密码：请设置 ACREL_NEW_PASSWORD 或使用 --new-password-file。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/cli/meters.py" line="+178" />
            <source>The site's dispatcher runs at {holder}; it polls already.</source>
            <translation>本站点的调度服务正在 {holder} 上运行，已经在轮询。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>No enabled gateway named {name}.</source>
            <translation>没有名为 {name} 的已启用网关。</translation>
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
            <translation>没有电表 {id}。</translation>
        </message>
        <message>
            <location line="+43" />
            <source>No dispatcher executed the command in time; it was cancelled.</source>
            <translation>没有调度服务及时执行该指令，已取消。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/domain/money.py" line="+31" />
            <source>'{text}' is not an amount of money.</source>
            <translation>“{text}”不是有效金额。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/domain/amount_input.py" line="+81" />
            <source>'{text}': use a dot for decimals and no thousands separators (for example 1234.50).</source>
            <translation>“{text}”：小数请用小数点，不要用千位分隔符（例如 1234.50）。</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+4" />
            <source>'{text}' is not an amount: write plain digits with a dot (for example 100.50).</source>
            <translation>“{text}”不是金额：请只写数字和小数点（例如 100.50）。</translation>
        </message>
        <message>
            <location line="-1" />
            <source>'{text}': write the amount without a sign.</source>
            <translation>“{text}”：金额前不要加正负号。</translation>
        </message>
        <message>
            <location line="+14" />
            <location line="+6" />
            <source>The amount is too long ({count} characters).</source>
            <translation>金额太长（{count} 个字符）。</translation>
        </message>
        <message>
            <location line="+7" />
            <location filename="../../acrel_console/domain/money.py" line="+6" />
            <source>'{text}': the amount cannot be negative.</source>
            <translation>“{text}”：金额不能为负数。</translation>
        </message>
        <message>
            <location line="+4" />
            <location filename="../../acrel_console/domain/money.py" line="-4" />
            <source>An amount has at most two decimals (fen): {text}.</source>
            <translation>金额最多两位小数（分）：{text}。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>'{text}' has more than {places} decimals.</source>
            <translation>“{text}”的小数超过 {places} 位。</translation>
        </message>
        <message>
            <location line="+7" />
            <location filename="../../acrel_console/domain/money.py" line="+2" />
            <source>The amount {text} is too large.</source>
            <translation>金额 {text} 太大。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/domain/timewindows.py" line="+36" />
            <source>'{text}' is not a time window like 18:00-09:30.</source>
            <translation>“{text}”不是形如 18:00-09:30 的时间段。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ledger/tariffs.py" line="+67" />
            <location filename="../../acrel_console/ui/cashier/tariff_presenter.py" line="+97" />
            <source>A tariff is flat, tou or tiered.</source>
            <translation>电价类型须为单一电价（flat）、尖峰平谷电价（tou）或阶梯电价（tiered）。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Four prices above zero and at most 99.9999 yuan/kWh.</source>
            <translation>需要四个大于零且不超过 99.9999 元/kWh 的电价。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>A flat tariff has one price.</source>
            <translation>单一电价只有一个价格。</translation>
        </message>
        <message>
            <location line="+3" />
            <location filename="../../acrel_console/ui/cashier/tariff_presenter.py" line="-13" />
            <source>A day has 1 to {n} periods.</source>
            <translation>一天有 1 至 {n} 个时段。</translation>
        </message>
        <message>
            <location line="+4" />
            <location filename="../../acrel_console/services/remote_control.py" line="-57" />
            <source>Periods start at 00:00, ascend within the day and name 尖, 峰, 平 or 谷.</source>
            <translation>时段从 00:00 开始，在一天内递增，且须为尖、峰、平或谷。</translation>
        </message>
        <message>
            <location line="+4" />
            <location filename="../../acrel_console/ui/cashier/tariff_presenter.py" line="+6" />
            <source>A tiered tariff has 1 to {n} tiers per month or per year.</source>
            <translation>阶梯电价每月或每年有 1 至 {n} 个阶梯。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Tier limits ascend and the last tier is open-ended.</source>
            <translation>阶梯上限须递增，且最后一个阶梯不设上限。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Tier prices are above zero.</source>
            <translation>阶梯电价须大于零。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/accounts.py" line="-67" />
            <source>An old meter balance typed in is a claim: it needs a supervisor's approval.</source>
            <translation>手工输入的老表金额属于申报：需要主管审批。</translation>
        </message>
        <message>
            <location line="+7" />
            <location filename="../../acrel_console/ui/cashier/settle_presenter.py" line="+57" />
            <source>A claim needs a reason.</source>
            <translation>申报需要填写原因。</translation>
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
            <translation>{label}为必填项。</translation>
        </message>
        <message>
            <location line="+2" />
            <location filename="../../acrel_console/services/site_config.py" line="+2" />
            <location filename="../../acrel_console/ui/building_dialog.py" line="+2" />
            <source>{label} is longer than {n} characters.</source>
            <translation>{label}超过 {n} 个字符。</translation>
        </message>
        <message>
            <location line="+14" />
            <location line="+262" />
            <source>No account {id}.</source>
            <translation>没有账户 {id}。</translation>
        </message>
        <message>
            <location line="-260" />
            <source>Account {id} is closed.</source>
            <translation>账户 {id} 已销户。</translation>
        </message>
        <message>
            <location line="+7" />
            <location line="+14" />
            <source>Meter {id} already belongs to {name} ({no}).</source>
            <translation>电表 {id} 已属于 {name}（{no}）。</translation>
        </message>
        <message>
            <location line="+41" />
            <location filename="../../acrel_console/ui/cashier/account_dialogs.py" line="+2" />
            <source>An account needs at least one meter.</source>
            <translation>开户至少需要一块电表。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>A meter is listed twice.</source>
            <translation>同一块电表被列出了两次。</translation>
        </message>
        <message>
            <location line="+60" />
            <source>Account {id} is closing.</source>
            <translation>户 {id} 正在销户。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/account_changes.py" line="+126" />
            <source>Meter {meter} is being settled ({kind}, {state}): no money moves on it until that is done.</source>
            <translation>电表 {meter} 正在结算（{kind}，{state}）：结算完成前不能售电、退电或冲正。</translation>
        </message>
        <message>
            <location line="+53" />
            <source>'{text}' is not an amount in yuan.</source>
            <translation>“{text}”不是以元为单位的金额。</translation>
        </message>
        <message>
            <location line="+3" />
            <location filename="../../acrel_console/ui/cashier/settle_presenter.py" line="-16" />
            <source>A claimed remaining amount cannot be negative.</source>
            <translation>申报的剩余金额不能为负数。</translation>
        </message>
        <message>
            <location line="+12" />
            <source>A claim for a meter that cannot be read needs a reason.</source>
            <translation>无法抄读电表的申报需要填写原因。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The claim of {claim} yuan is more than the {ledger} yuan the ledger says the tenant held on meter {meter}.</source>
            <translation>申报金额 {claim} 元超过账本中该用户在电表 {meter} 上的余额 {ledger} 元。</translation>
        </message>
        <message>
            <location line="+19" />
            <location filename="../../acrel_console/services/accounts.py" line="+75" />
            <source>Account {no} is in the middle of another change ({kind}): finish that first.</source>
            <translation>户 {no} 有未完成的变更（{kind}）：请先完成。</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Meter {id} is not part of this change.</source>
            <translation>电表 {id} 不属于本次变更。</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Meter {meter} was already asked for its credit and may have answered: wait for it before settling it by a claim.</source>
            <translation>已向电表 {meter} 申请退电，电表可能已执行：请等待结果后再以申报结算。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Meter {id} has deliveries not yet confirmed: deliver, reverse or resolve them first.</source>
            <translation>电表 {id} 有尚未确认的下发：请先完成下发、冲正或处理。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Meter {id} is in arrears: settle the debt with a sale first.</source>
            <translation>电表 {id} 已欠费：请先售电结清欠款。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/accounts.py" line="-61" />
            <location filename="../../acrel_console/ui/cashier/settle_dialogs.py" line="+108" />
            <source>Name the meter the balance moves to.</source>
            <translation>请指定余额转入的电表。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>A balance cannot move to the meter it leaves.</source>
            <translation>余额不能转入转出电表本身。</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Meter {id} is not in account {account}.</source>
            <translation>电表 {id} 不属于账户 {account}。</translation>
        </message>
        <message>
            <location line="-23" />
            <source>Settle by 'refund' or 'transfer'.</source>
            <translation>请选择以“refund”（退电）或“transfer”（转移）结算。</translation>
        </message>
        <message>
            <location line="+55" />
            <location line="+31" />
            <source>Meter {id} is not opened.</source>
            <translation>电表 {id} 未开户。</translation>
        </message>
        <message>
            <location line="-28" />
            <source>The new meter must be another meter.</source>
            <translation>新表必须是另一块电表。</translation>
        </message>
        <message>
            <location line="+33" />
            <location line="+4" />
            <source>Meter {id} has no refused clearing to try again.</source>
            <translation>电表 {id} 没有被拒绝的清零可以重试。</translation>
        </message>
        <message>
            <location line="+22" />
            <source>No account change {id}.</source>
            <translation>没有变更 {id}。</translation>
        </message>
        <message>
            <location line="+30" />
            <source>No single account matches '{key}'.</source>
            <translation>没有唯一与“{key}”匹配的账户。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/alarms.py" line="+203" />
            <source>No alarm {id}.</source>
            <translation>没有报警 {id}。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Alarm {id} was already acknowledged by {name}.</source>
            <translation>报警 {id} 已由 {name} 确认。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/backup.py" line="+49" />
            <source>This database has no file to back up.</source>
            <translation>此数据库没有可备份的文件。</translation>
        </message>
        <message>
            <location line="+14" />
            <source>{path} is not a readable database: {reason}</source>
            <translation>{path} 不是可读取的数据库：{reason}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{path} failed the integrity check: {reason}</source>
            <translation>{path} 未通过完整性检查：{reason}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>{path} is not an Acrel Console database (missing {tables}).</source>
            <translation>{path} 不是 Acrel Console 数据库（缺少 {tables}）。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The disk is full: the backup {path} was not written; older backups are kept.</source>
            <translation>磁盘已满：未写入备份 {path}；旧备份已保留。</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+24" />
            <source>The backup {path} could not be written: {reason}</source>
            <translation>无法写入备份 {path}：{reason}</translation>
        </message>
        <message>
            <location line="+33" />
            <source>The backup {path} does not match its manifest: its operation log was cut or rewritten after it was taken.</source>
            <translation>备份 {path} 与其清单不符：备份后其操作日志被截断或改写。</translation>
        </message>
        <message>
            <location line="+63" />
            <source>No such backup file: {path}</source>
            <translation>没有此备份文件：{path}</translation>
        </message>
        <message>
            <location line="+42" />
            <source>{tool} is not installed; it is needed for PostgreSQL backups.</source>
            <translation>未安装 {tool}；备份 PostgreSQL 需要它。</translation>
        </message>
        <message>
            <location line="+13" />
            <source>pg_dump failed: {reason}</source>
            <translation>pg_dump 失败：{reason}</translation>
        </message>
        <message>
            <location line="+9" />
            <location line="+11" />
            <source>{path} is not a usable PostgreSQL backup.</source>
            <translation>{path} 不是可用的 PostgreSQL 备份。</translation>
        </message>
        <message>
            <location line="+14" />
            <location line="+6" />
            <source>pg_restore failed: {reason}</source>
            <translation>pg_restore 失败：{reason}</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/base.py" line="+121" />
            <source>{name} ({role}) may not do this: it needs the '{permission}' right.</source>
            <translation>{name}（{role}）无权执行此操作：需要“{permission}”权限。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/config_io.py" line="+69" />
            <source>Import refused, nothing changed: sheet {sheet}, row {row}, column {column}: {message} ({count} problems in all)</source>
            <translation>导入被拒绝，未做任何更改：工作表 {sheet}，第 {row} 行，{column} 列：{message}（共 {count} 处问题）</translation>
        </message>
        <message>
            <location line="+39" />
            <source>Unknown column '{header}'; this sheet's columns are: {known}.</source>
            <translation>未知的列“{header}”；本工作表的列为：{known}。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Column '{header}' appears twice.</source>
            <translation>列“{header}”出现了两次。</translation>
        </message>
        <message>
            <location line="+23" />
            <source>A value in a column without a header.</source>
            <translation>该列没有列标题，却填有数值。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/xlsx_bounds.py" line="+62" />
            <source>Cannot read {path}: {reason}</source>
            <translation>无法读取 {path}：{reason}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{file} is {size} MB; an import file may have at most {limit} MB.</source>
            <translation>{file} 大小为 {size} MB；导入文件最大 {limit} MB。</translation>
        </message>
        <message>
            <location line="+7" />
            <location line="+33" />
            <source>Cannot read {path} as an .xlsx workbook: {reason}</source>
            <translation>无法将 {path} 读取为 .xlsx 工作簿：{reason}</translation>
        </message>
        <message>
            <location line="-30" />
            <source>{file} holds {count} parts; an .xlsx workbook to import may hold at most {limit}.</source>
            <translation>{file} 含 {count} 个部件；导入的 .xlsx 工作簿最多含 {limit} 个。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>{file} is refused unread: its part {part} would inflate {ratio} times (at most {limit}); this is what a zip bomb looks like.</source>
            <translation>{file} 未读取即被拒绝：其部件 {part} 解压后将膨胀 {ratio} 倍（最多 {limit} 倍），这是压缩炸弹的特征。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>{file} is refused unread: it would inflate to {size} MB (at most {limit} MB).</source>
            <translation>{file} 未读取即被拒绝：解压后将达 {size} MB（最多 {limit} MB）。</translation>
        </message>
        <message>
            <location line="+43" />
            <source>Sheet {sheet}, row {row}: reading took longer than {seconds} s; the import was stopped.</source>
            <translation>工作表 {sheet}，第 {row} 行：读取超过 {seconds} 秒，导入已停止。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Sheet {sheet} has more than {limit} rows (row {row} and below are not read); delete the rows below your data.</source>
            <translation>工作表 {sheet} 超过 {limit} 行（第 {row} 行及以下未读取）；请删除数据下方的行。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Sheet {sheet}, row {row}, column {column}: a workbook to import has at most {limit} columns.</source>
            <translation>工作表 {sheet}，第 {row} 行，第 {column} 列：导入的工作簿最多 {limit} 列。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Sheet {sheet}, row {row}: more than {limit} filled cells in the workbook.</source>
            <translation>工作表 {sheet}，第 {row} 行：工作簿中已填单元格超过 {limit} 个。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Sheet {sheet} cannot be read: {reason}</source>
            <translation>无法读取工作表 {sheet}：{reason}</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/export.py" line="+152" />
            <source>Export to {path} was cancelled.</source>
            <translation>已取消导出到 {path}。</translation>
        </message>
        <message>
            <location line="+45" />
            <source>The file {path} could not be written: {reason}.</source>
            <translation>无法写入文件 {path}：{reason}。</translation>
        </message>
        <message>
            <location line="+62" />
            <source>Too many rows for one Excel sheet (at most {limit}).</source>
            <translation>行数超出单个 Excel 工作表的上限（最多 {limit} 行）。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/money_common.py" line="-23" />
            <source>The amount must be greater than zero.</source>
            <translation>金额必须大于零。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Unknown payment method '{method}'.</source>
            <translation>未知的付款方式“{method}”。</translation>
        </message>
        <message>
            <location line="+11" />
            <source>'{id}' is not a UUID.</source>
            <translation>“{id}”不是 UUID。</translation>
        </message>
        <message>
            <location line="+8" />
            <location filename="../../acrel_console/services/remote_control.py" line="+60" />
            <location filename="../../acrel_console/services/thresholds.py" line="+2" />
            <source>Meter {id} is retired.</source>
            <translation>电表 {id} 已停用。</translation>
        </message>
        <message>
            <location line="+7" />
            <location filename="../../acrel_console/services/payments.py" line="-3" />
            <source>Meter {id} is not opened: open an account for it first.</source>
            <translation>电表 {id} 未开户：请先开户。</translation>
        </message>
        <message>
            <location line="+60" />
            <location filename="../../acrel_console/services/vending.py" line="+171" />
            <location line="+113" />
            <source>The id {id} was already used for another operation.</source>
            <translation>编号 {id} 已被另一项操作使用。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/operators.py" line="+79" />
            <location filename="../../acrel_console/ui/operator_checks.py" line="+12" />
            <source>An operator name is 1-64 characters without spaces.</source>
            <translation>操作员名为 1 至 64 个字符，不能含空格。</translation>
        </message>
        <message>
            <location line="+7" />
            <location filename="../../acrel_console/ui/operator_checks.py" line="+6" />
            <source>A password has at least {n} characters.</source>
            <translation>密码至少 {n} 个字符。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/roles.py" line="+68" />
            <source>Unknown role '{role}'.</source>
            <translation>未知角色“{role}”。</translation>
        </message>
        <message>
            <location line="+7" />
            <location filename="../../acrel_console/ui/roles_panel.py" line="-179" />
            <source>A role name is 1-64 characters.</source>
            <translation>角色名称为 1-64 个字符。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>'{name}' is the name of a built-in role.</source>
            <translation>“{name}”是内置角色的名称。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>A role named {name} already exists.</source>
            <translation>已有名为 {name} 的角色。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Unknown permission '{permission}'.</source>
            <translation>未知权限“{permission}”。</translation>
        </message>
        <message>
            <location line="+14" />
            <source>The built-in role {role} cannot be changed: copy it and change the copy.</source>
            <translation>内置角色 {role} 不能修改：请复制后修改副本。</translation>
        </message>
        <message>
            <location line="+93" />
            <source>Role {name} is held by {operators}: give them another role first.</source>
            <translation>角色 {name} 正被 {operators} 使用：请先给他们分配其他角色。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/operators.py" line="+27" />
            <source>The first administrator already exists.</source>
            <translation>首个管理员已存在。</translation>
        </message>
        <message>
            <location line="+17" />
            <location line="+10" />
            <source>Wrong operator name or password.</source>
            <translation>操作员名或密码错误。</translation>
        </message>
        <message>
            <location line="-8" />
            <source>This account is locked until {until}.</source>
            <translation>此账号已锁定，直到 {until}。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>This account is disabled.</source>
            <translation>此账号已停用。</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Too many wrong passwords: locked until {until}.</source>
            <translation>密码错误次数过多：已锁定，直到 {until}。</translation>
        </message>
        <message>
            <location line="+25" />
            <source>An operator named {name} already exists.</source>
            <translation>操作员 {name} 已存在。</translation>
        </message>
        <message>
            <location line="+13" />
            <source>No operator named {name}.</source>
            <translation>没有名为 {name} 的操作员。</translation>
        </message>
        <message>
            <location line="+13" />
            <source>The last enabled administrator cannot be disabled.</source>
            <translation>不能停用最后一个启用的管理员。</translation>
        </message>
        <message>
            <location line="+16" />
            <source>The last enabled administrator must stay an administrator.</source>
            <translation>最后一个启用的管理员必须保持管理员角色。</translation>
        </message>
        <message>
            <location line="+22" />
            <source>The current password is wrong.</source>
            <translation>当前密码错误。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/account_changes.py" line="-86" />
            <location filename="../../acrel_console/services/accounts.py" line="-309" />
            <location filename="../../acrel_console/services/operators.py" line="+10" />
            <location filename="../../acrel_console/services/vending.py" line="-13" />
            <location filename="../../acrel_console/ui/cashier/settle_presenter.py" line="+13" />
            <source>The approver must be a different operator.</source>
            <translation>审批人必须是另一位操作员。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/polling/poller.py" line="+187" />
            <source>No enabled gateway to poll.</source>
            <translation>没有可轮询的已启用网关。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/remote_control.py" line="-128" />
            <location filename="../../acrel_console/services/site_config.py" line="-13" />
            <location filename="../../acrel_console/services/site_settings.py" line="+173" />
            <source>{label}: '{value}' is not a whole number.</source>
            <translation>{label}：“{value}”不是整数。</translation>
        </message>
        <message>
            <location line="+3" />
            <location filename="../../acrel_console/services/site_config.py" line="+3" />
            <location filename="../../acrel_console/services/site_settings.py" line="+3" />
            <source>{label}: {value} is outside {minimum}..{maximum}.</source>
            <translation>{label}：{value} 超出 {minimum}..{maximum} 范围。</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Unknown command '{kind}'; known: {choices}.</source>
            <translation>未知指令“{kind}”；可用：{choices}。</translation>
        </message>
        <message>
            <location line="+6" />
            <location line="+7" />
            <location filename="../../acrel_console/ui/cashier/tariff_presenter.py" line="-11" />
            <source>Four prices are needed (spike, peak, flat, valley).</source>
            <translation>需要四个电价（尖、峰、平、谷）。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>A price must be zero or more.</source>
            <translation>电价不能小于零。</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Alarm 1 and alarm 2 are downloaded together.</source>
            <translation>报警1与报警2金额须一起下发。</translation>
        </message>
        <message>
            <location line="+4" />
            <location filename="../../acrel_console/services/site_settings.py" line="+33" />
            <source>Alarm 1 must be greater than alarm 2, and alarm 2 at least zero.</source>
            <translation>报警1金额必须大于报警2金额，且报警2金额不小于零。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Overload power must be a multiple of 10 W.</source>
            <translation>功率阈值必须是 10 W 的整数倍。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Nothing to download: give alarm amounts or overload power.</source>
            <translation>没有可下发的内容：请填写报警金额或功率阈值。</translation>
        </message>
        <message>
            <location line="+58" />
            <location filename="../../acrel_console/services/thresholds.py" line="-6" />
            <location filename="../../acrel_console/ui/cashier/tariff_dialogs.py" line="+104" />
            <source>Select at least one meter.</source>
            <translation>请至少选择一块电表。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>At most {n} meters in one batch.</source>
            <translation>一批最多 {n} 块电表。</translation>
        </message>
        <message>
            <location line="+96" />
            <source>No command batch {id}.</source>
            <translation>没有指令批次 {id}。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/shifts.py" line="+82" />
            <source>No shift {id}.</source>
            <translation>没有班次 {id}。</translation>
        </message>
        <message>
            <location line="+34" />
            <source>Shift {id} is already closed.</source>
            <translation>班次 {id} 已结班。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/site_config.py" line="+19" />
            <source>'{value}' is not HOST:PORT.</source>
            <translation>“{value}”不是 主机:端口 格式。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Gateway mode must be one of {choices}.</source>
            <translation>网关模式必须是以下之一：{choices}。</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Baud rate must be one of {choices}.</source>
            <translation>波特率必须是以下之一：{choices}。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Parity must be N, E or O.</source>
            <translation>校验位必须是 N、E 或 O。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Stop bits must be 1 or 2.</source>
            <translation>停止位必须是 1 或 2。</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Zone '{value}': use letters, digits, '-' and '_'.</source>
            <translation>分区“{value}”：只能使用字母、数字、“-”和“_”。</translation>
        </message>
        <message>
            <location line="+14" />
            <source>{label}: '{value}' is not yes or no.</source>
            <translation>{label}：“{value}”不是“是”或“否”。</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Unknown meter model '{model}'; known: {choices}.</source>
            <translation>未知电表型号“{model}”；可用：{choices}。</translation>
        </message>
        <message>
            <location line="+98" />
            <location line="+20" />
            <source>A building named {name} already exists.</source>
            <translation>建筑 {name} 已存在。</translation>
        </message>
        <message>
            <location line="-6" />
            <location line="+22" />
            <source>No building {name}.</source>
            <translation>没有建筑 {name}。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Building {name} still has meters or gateways.</source>
            <translation>建筑 {name} 下仍有电表或网关。</translation>
        </message>
        <message>
            <location line="+11" />
            <source>No building named {name}.</source>
            <translation>没有名为 {name} 的建筑。</translation>
        </message>
        <message>
            <location line="+18" />
            <location line="+26" />
            <source>A gateway named {name} already exists.</source>
            <translation>网关 {name} 已存在。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/cli/site.py" line="-49" />
            <location filename="../../acrel_console/services/site_config.py" line="-11" />
            <source>No gateway {name}.</source>
            <translation>没有网关 {name}。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/site_config.py" line="+30" />
            <source>Gateway {name} still has {n} meters; remove them first.</source>
            <translation>网关 {name} 下仍有 {n} 块电表；请先删除它们。</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Gateway {other} already uses {endpoint}: the same line cannot be configured twice.</source>
            <translation>网关 {other} 已使用 {endpoint}：同一条线路不能重复配置。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>No gateway named {name}.</source>
            <translation>没有名为 {name} 的网关。</translation>
        </message>
        <message>
            <location line="+68" />
            <source>A {model} takes addresses {address} to {last}; the last address is {maximum}.</source>
            <translation>{model} 占用地址 {address} 至 {last}；最大地址为 {maximum}。</translation>
        </message>
        <message>
            <location line="+15" />
            <location filename="../../acrel_console/ui/meter_dialog.py" line="+17" />
            <source>Address {address} is already used on bus {gateway}.</source>
            <translation>地址 {address} 在总线 {gateway} 上已被占用。</translation>
        </message>
        <message>
            <location line="+85" />
            <source>No meter {ref} to be the main meter.</source>
            <translation>找不到要作为总表的电表 {ref}。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>A main meter cannot be a sub-meter itself, nor a meter its own main meter.</source>
            <translation>总表本身不能是分表，电表也不能是自己的总表。</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Meter {id} has money or command records; replace or retire it instead of removing.</source>
            <translation>电表 {id} 已有金额或指令记录；请换表或停用，不能删除。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/site_settings.py" line="-68" />
            <source>{label}: expected yes or no, got '{value}'.</source>
            <translation>{label}：应为“是”或“否”，实际为“{value}”。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>{label}: '{value}' is not a time zone name (for example Asia/Shanghai).</source>
            <translation>{label}：“{value}”不是时区名称（例如 Asia/Shanghai）。</translation>
        </message>
        <message>
            <location line="+12" />
            <source>{label}: '{value}' is not a price in yuan/kWh (up to 4 decimals).</source>
            <translation>{label}：“{value}”不是有效电价（元/kWh，最多 4 位小数）。</translation>
        </message>
        <message>
            <location line="+26" />
            <source>The SMS driver is none, modem or http.</source>
            <translation>短信通道须为 none、modem 或 http。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The SMS modem needs a serial port.</source>
            <translation>短信猫需要指定串口。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The SMS gateway URL starts with http:// or https:// and carries {phone} (in the URL or the body).</source>
            <translation>短信网关地址须以 http:// 或 https:// 开头，并在地址或正文中包含 {phone}。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The SMS gateway template carries a credential ({name}): put it in 'SMS gateway key' and write {{key}} in its place.</source>
            <translation>短信网关模板中含有凭据（{name}）：请将其填入“短信网关密钥”，并在原处写 {{key}}。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The SMS gateway template uses {{key}} but no SMS gateway key is set.</source>
            <translation>短信网关模板使用了 {{key}}，但未设置短信网关密钥。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The SMS gateway method is GET or POST.</source>
            <translation>短信网关请求方式须为 GET 或 POST。</translation>
        </message>
        <message>
            <location line="+47" />
            <source>Unknown setting: {key}.</source>
            <translation>未知设置项：{key}。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/tariffs.py" line="-172" />
            <location filename="../../acrel_console/ui/cashier/tariff_presenter.py" line="-6" />
            <source>A tariff needs a name.</source>
            <translation>电价方案需要名称。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>A tariff named {name} already exists.</source>
            <translation>电价方案 {name} 已存在。</translation>
        </message>
        <message>
            <location line="+19" />
            <location line="+28" />
            <location line="+20" />
            <source>No tariff {id}.</source>
            <translation>没有电价方案 {id}。</translation>
        </message>
        <message>
            <location line="-46" />
            <source>A new version keeps the tariff's kind ({kind}).</source>
            <translation>新版本须保持电价方案的类型（{kind}）。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/vending.py" line="-182" />
            <source>This sale would bring meter {meter} to {after} yuan, above its maximum stored credit of {limit} yuan (囤积上限).</source>
            <translation>此次售电将使电表 {meter} 余额达到 {after} 元，超过囤积金额上限 {limit} 元。</translation>
        </message>
        <message>
            <location line="+185" />
            <location filename="../../acrel_console/ui/cashier/operation_presenter.py" line="-20" />
            <source>A reversal needs a reason.</source>
            <translation>冲正需要填写原因。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>No sale {id}.</source>
            <translation>没有售电记录 {id}。</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Sale {id} is already fully reversed.</source>
            <translation>售电记录 {id} 已全部冲正。</translation>
        </message>
        <message>
            <location line="+2" />
            <location filename="../../acrel_console/ui/cashier/operation_presenter.py" line="-4" />
            <source>At most {open} yuan of this sale can still be reversed.</source>
            <translation>此笔售电最多还可冲正 {open} 元。</translation>
        </message>
        <message>
            <location line="-102" />
            <source>A refund of {amount} yuan is more than meter {meter} can give back: the tenant's balance is {ledger} yuan by the ledger, the meter last showed {shown} yuan.</source>
            <translation>退电 {amount} 元超过电表 {meter} 可退金额：账本余额 {ledger} 元，电表上次显示 {shown} 元。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>A reversal of {amount} yuan is more than meter {meter} can give back: the tenant's balance is {ledger} yuan by the ledger, the meter last showed {shown} yuan. Reverse a smaller amount.</source>
            <translation>冲正 {amount} 元超过电表 {meter} 可退金额：账本余额 {ledger} 元，电表上次显示 {shown} 元。请冲正较小金额。</translation>
        </message>
        <message>
            <location line="+131" />
            <source>Sale {id} belongs to account {no} ({name}), which is closed or no longer holds meter {meter}: its balance was settled when it closed. A reversal now would take the money from the meter's next tenant; it is refused.</source>
            <translation>售电 {id} 属于户 {no}（{name}），该户已销户或不再使用电表 {meter}：其余额已在销户时结清。此时冲正会扣走电表新用户的钱，因此拒绝。</translation>
        </message>
        <message>
            <location line="+12" />
            <source>No operation {id}.</source>
            <translation>没有操作 {id}。</translation>
        </message>
        <message>
            <location line="+24" />
            <source>No delivery {id}.</source>
            <translation>没有下发记录 {id}。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Re-issuing a delivery needs a reason.</source>
            <translation>重新下发需要填写原因。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Delivery {id} is not in conflict or failed.</source>
            <translation>下发 {id} 既未冲突也未失败。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Delivery {id} has no ledger operation; it cannot be delivered again.</source>
            <translation>下发 {id} 没有对应的账务操作，不能再次下发。</translation>
        </message>
        <message>
            <location line="+9" />
            <source>The operation log shows delivery {id} of this operation reached the meter; it is not delivered again.</source>
            <translation>操作日志显示该业务的下发 {id} 已到达电表，不再重复下发。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Delivery {id} was a return the meter refused and it is settled: nothing was paid. Make a new one if the tenant still asks.</source>
            <translation>下发 {id} 是电表拒绝的退电，已结清：未付任何款项。如用户仍需要，请重新办理。</translation>
        </message>
        <message>
            <location line="+27" />
            <source>Delivery {id} is not in conflict.</source>
            <translation>下发 {id} 不处于冲突状态。</translation>
        </message>
        <message>
            <location line="-4" />
            <source>Confirming a delivery needs a reason.</source>
            <translation>确认下发需要填写原因。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/login_dialog.py" line="+9" />
            <source>Enter the operator name and password.</source>
            <translation>请输入操作员名和密码。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/meter_dialog.py" line="-5" />
            <source>Add a gateway first: every meter hangs on one.</source>
            <translation>请先添加网关：每块电表都挂在一个网关下。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/operator_checks.py" line="+3" />
            <source>The two passwords are not the same.</source>
            <translation>两次输入的密码不一致。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/records.py" line="+227" />
            <source>No receipt for {key}.</source>
            <translation>没有 {key} 的单据。</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Which receipt?</source>
            <translation>哪一张单据？</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/reports/energy.py" line="+34" />
            <source>Group by meter, tenant or building, not '{group}'.</source>
            <translation>请按电表、用户或建筑分组，而不是“{group}”。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/reports/model.py" line="+109" />
            <source>'{text}' is not a {kind} (use YYYY-MM-DD, YYYY-MM or YYYY).</source>
            <translation>“{text}”不是有效的{kind}（请用 YYYY-MM-DD、YYYY-MM 或 YYYY）。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The period ends before it starts.</source>
            <translation>结束时间早于开始时间。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/drivers/api.py" line="+69" />
            <source>Communication with the meter failed</source>
            <translation>与电表通讯失败</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The serial port or gateway cannot be reached</source>
            <translation>无法连接串口或网关</translation>
        </message>
        <message>
            <location line="+6" />
            <location filename="../../acrel_console/services/site_config.py" line="-354" />
            <source>The port {port} does not support {setting}.</source>
            <translation>端口 {port} 不支持 {setting}。</translation>
        </message>
        <message>
            <location line="+11" />
            <source>The meter did not answer</source>
            <translation>电表无应答</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The meter's reply was garbled</source>
            <translation>电表应答报文错误</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The meter flooded the line with data and was cut off</source>
            <translation>该电表向线路发送大量数据，已被切断</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The meter's reply was corrupted on the line (CRC error)</source>
            <translation>电表应答在线路上损坏（CRC 校验错误）</translation>
        </message>
        <message>
            <location line="+7" />
            <source>This command is not possible on this meter</source>
            <translation>此电表不支持该指令</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The meter refused the command</source>
            <translation>电表拒绝执行该指令</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/reports/sales.py" line="+251" />
            <source>No tenant {id}.</source>
            <translation>没有用户 {id}。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/meters/control_params.py" line="-50" />
            <source>{label} may be at most {maximum}.</source>
            <translation>{label}最大为 {maximum}。</translation>
        </message>
        <message>
            <location line="+32" />
            <source>Alarm 1 must be greater than alarm 2.</source>
            <translation>报警金额1必须大于报警金额2。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>{label} must be more than zero.</source>
            <translation>{label}必须大于零。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Enter the alarm amounts, the overload power, or both.</source>
            <translation>请填写报警金额、功率阈值或两者。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/cli/reports.py" line="+33" />
            <source>No SMS driver is configured on this site.</source>
            <translation>本站点未配置短信通道。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/sms.py" line="+176" />
            <source>An SMS template cannot be empty.</source>
            <translation>短信模板不能为空。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The SMS template has an unmatched brace: {text}</source>
            <translation>短信模板中的花括号不匹配：{text}</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Unknown placeholder {{{name}}} in the SMS template; use {allowed}.</source>
            <translation>短信模板中有未知占位符 {{{name}}}；可用：{allowed}。</translation>
        </message>
        <message>
            <location line="+124" />
            <source>{level} texts have no template.</source>
            <translation>{level}短信没有模板。</translation>
        </message>
        <message>
            <location line="+88" />
            <source>Meter {meter} does not exist.</source>
            <translation>电表 {meter} 不存在。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Meter {meter} has no tenant phone number.</source>
            <translation>电表 {meter} 没有用户手机号。</translation>
        </message>
        <message>
            <location line="+36" />
            <location filename="../../acrel_console/services/tenant_portal.py" line="+160" />
            <source>'{phone}' is not a phone number.</source>
            <translation>“{phone}”不是有效的手机号码。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/cashier/operation_presenter.py" line="-16" />
            <source>Choose a meter first.</source>
            <translation>请先选择电表。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/domain/amount_input.py" line="-22" />
            <location filename="../../acrel_console/ui/cashier/operation_presenter.py" line="+10" />
            <source>Enter an amount.</source>
            <translation>请输入金额。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/cashier/operation_presenter.py" line="+4" />
            <source>Choose the sale to reverse.</source>
            <translation>请选择要冲正的售电记录。</translation>
        </message>
        <message>
            <location line="+8" />
            <location filename="../../acrel_console/ui/cashier/shift_dialog.py" line="-28" />
            <source>A supervisor signs in to approve.</source>
            <translation>需要主管登录审批。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Enter the supervisor's password.</source>
            <translation>请输入主管密码。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/cli/sales.py" line="+227" />
            <source>The approver's password: set ACREL_APPROVER_PASSWORD or use --approver-password-file.</source>
            <translation>审批人密码：请设置 ACREL_APPROVER_PASSWORD 或使用 --approver-password-file。</translation>
        </message>
        <message>
            <location line="+49" />
            <location line="+11" />
            <source>Write a claim as METER=YUAN.</source>
            <translation>申报格式为 电表=金额。</translation>
        </message>
        <message>
            <location line="-7" />
            <source>A claim needs --approver (a supervisor) and --claim-reason.</source>
            <translation>申报需要 --approver（主管）和 --claim-reason。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/cashier/account_dialogs.py" line="+51" />
            <location filename="../../acrel_console/ui/cashier/settle_dialogs.py" line="+67" />
            <source>No unopened meter is left.</source>
            <translation>没有未开户的电表了。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/cashier/tariff_dialogs.py" line="-2" />
            <source>Create a tariff first.</source>
            <translation>请先新建电价。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/cashier/tariff_presenter.py" line="-43" />
            <source>'{text}' is not a price: yuan/kWh above zero with at most 4 decimals.</source>
            <translation>“{text}”不是有效电价：须大于零，单位元/kWh，最多4位小数。</translation>
        </message>
        <message>
            <location line="+14" />
            <source>'{text}' is not a time of day (HH:MM).</source>
            <translation>“{text}”不是有效时间（HH:MM）。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>'{text}' is not a tier limit in kWh (above zero).</source>
            <translation>“{text}”不是有效的阶梯上限（kWh，须大于零）。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ledger/book.py" line="+191" />
            <source>Meter commands cannot be signed: {problem}. Install the site key (ACREL_SITE_KEY or the site.key file) first.</source>
            <translation>无法为电表指令签名：{problem}。请先安装站点密钥（ACREL_SITE_KEY 或 site.key 文件）。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/cashier/operation_form.py" line="-37" />
            <source>Operation {id} is not a sale of this meter: choose the meter it was sold to first.</source>
            <translation>操作 {id} 不是此电表的售电记录：请先选择该笔售电对应的电表。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/cli/portal.py" line="+90" />
            <source>This command needs the new PIN in ACREL_NEW_PIN (or --generate).</source>
            <translation>此命令需要在ACREL_NEW_PIN中给出新密码（或使用--generate）。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/domain/pins.py" line="+26" />
            <source>A PIN is {minimum} to {maximum} digits.</source>
            <translation>查询密码为{minimum}到{maximum}位数字。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>This PIN is too easy to guess (one digit repeated, or a run like 123456).</source>
            <translation>该密码太容易被猜到（同一数字重复，或如123456的连续数字）。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/tenant_access.py" line="+151" />
            <source>Too many wrong sign-ins from this device: try again in {minutes} minutes.</source>
            <translation>此设备登录失败次数过多，请{minutes}分钟后再试。</translation>
        </message>
        <message>
            <location line="+29" />
            <source>Wrong account number or PIN.</source>
            <translation>用户编号或查询密码错误。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Too many wrong PINs: sign-in is locked until {until}.</source>
            <translation>密码错误次数过多，登录已锁定至{until}。</translation>
        </message>
        <message>
            <location line="+31" />
            <location filename="../../acrel_console/services/tenant_portal.py" line="-106" />
            <location line="+118" />
            <source>No open account with number {no}.</source>
            <translation>没有用户编号为{no}的已开户账户。</translation>
        </message>
        <message>
            <location line="+134" />
            <source>The new PIN is the same as the current one.</source>
            <translation>新密码与当前密码相同。</translation>
        </message>
        <message>
            <location line="+6" />
            <location line="+6" />
            <source>The current PIN is wrong.</source>
            <translation>当前密码错误。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/tenant_portal.py" line="-247" />
            <source>This site does not allow switching meters from the portal.</source>
            <translation>本站点不允许在用户查询系统中拉闸/合闸。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>A command for this meter is still in progress.</source>
            <translation>该电表仍有指令正在执行。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The meter cannot be reached now; try again later.</source>
            <translation>电表暂时无法通讯，请稍后再试。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The site office keeps this meter powered; it cannot be switched off here.</source>
            <translation>该电表已由管理处设置保电，不能在此拉闸。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The meter is already switched off.</source>
            <translation>该电表已拉闸。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The power is already off.</source>
            <translation>该电表已断电。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The meter is not switched off.</source>
            <translation>该电表未拉闸。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The site office switched this meter off; please contact them.</source>
            <translation>该电表由管理处拉闸，请联系管理处。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The balance is not positive: recharge first, then switch on.</source>
            <translation>剩余金额不大于零：请先充值，再合闸。</translation>
        </message>
        <message>
            <location line="+248" />
            <source>Online recharge is not available here.</source>
            <translation>此处不支持在线充值。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/payments.py" line="-88" />
            <location line="+128" />
            <location line="+23" />
            <location filename="../../acrel_console/services/tenant_portal.py" line="+13" />
            <location line="+3" />
            <source>No payment order {id}.</source>
            <translation>没有支付订单{id}。</translation>
        </message>
        <message>
            <location line="-142" />
            <source>the meter is retired</source>
            <translation>该电表已停用</translation>
        </message>
        <message>
            <location line="+3" />
            <source>the meter is metering-only and takes no credit</source>
            <translation>该电表为计量表，不能充值</translation>
        </message>
        <message>
            <location line="+5" />
            <source>the meter's account is closed</source>
            <translation>该电表的账户已销户</translation>
        </message>
        <message>
            <location line="+2" />
            <source>the meter now belongs to another tenant</source>
            <translation>该电表现已属于其他用户</translation>
        </message>
        <message>
            <location line="+6" />
            <source>it would hold {after} yuan, above its stored-credit limit of {limit} yuan</source>
            <translation>充值后将达{after}元，超过囤积上限{limit}元</translation>
        </message>
        <message>
            <location line="+69" />
            <source>Meter {meter} cannot take online credit now: {reason}.</source>
            <translation>电表{meter}现在不能在线充值：{reason}。</translation>
        </message>
        <message>
            <location line="+19" />
            <source>{provider} did not take the order: {error}</source>
            <translation>{provider}未受理订单：{error}</translation>
        </message>
        <message>
            <location line="+262" />
            <location filename="../../acrel_console/services/tenant_portal.py" line="-262" />
            <location line="+173" />
            <source>Unknown action.</source>
            <translation>未知操作。</translation>
        </message>
        <message>
            <location line="+2" />
            <location filename="../../acrel_console/ui/payment_cases_panel.py" line="-140" />
            <source>A decision needs a reason.</source>
            <translation>处理需要填写原因。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Payment order {id} is not waiting for a decision.</source>
            <translation>支付订单{id}不在待处理状态。</translation>
        </message>
        <message>
            <location line="+13" />
            <source>The meter cannot take this payment: {reason}. Refund it instead.</source>
            <translation>该电表不能充入此笔支付：{reason}。请改为退款。</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Payment order {id} owes no refund.</source>
            <translation>支付订单{id}没有待退款项。</translation>
        </message>
        <message>
            <location line="+76" />
            <source>{provider} is not set up on this site (Settings → Online payment).</source>
            <translation>本站点未配置{provider}（设置 → 在线支付）。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/tenant_portal.py" line="-50" />
            <source>Days must be between 1 and {n}.</source>
            <translation>天数须在1到{n}之间。</translation>
        </message>
        <message>
            <location line="+67" />
            <source>Too many switch commands: the next is possible in {minutes} minutes.</source>
            <translation>拉闸/合闸指令过于频繁，请{minutes}分钟后再试。</translation>
        </message>
        <message>
            <location line="+16" />
            <source>No command {id}.</source>
            <translation>没有指令{id}。</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Unknown text kind '{kind}'.</source>
            <translation>未知的短信类型“{kind}”。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/reading_history.py" line="-58" />
            <source>The end date is before the start date.</source>
            <translation>结束日期早于开始日期。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/deliveries.py" line="+51" />
            <source>This meter does not take remote recharge; the money stays on the tenant's account for a refund or a transfer.</source>
            <translation>此电表不支持远程充值；款项保留在租户账户中，可退电或转移。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/audit.py" line="+85" />
            <source>This computer has no site key, and the site's operation log is keyed: nothing was changed. Copy site.key from the service machine to {path} (or set ACREL_SITE_KEY).</source>
            <translation>本机没有站点密钥，而本站的操作日志已加密签名：未做任何更改。请将服务主机上的 site.key 复制到 {path}（或设置 ACREL_SITE_KEY）。</translation>
        </message>
        <message>
            <location line="+14" />
            <source>This computer's site key is not the site's, so it may not write the operation log: nothing was changed. Copy site.key from the service machine to {path}.</source>
            <translation>本机的站点密钥与本站不符，不能写入操作日志：未做任何更改。请将服务主机上的 site.key 复制到 {path}。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/reports/losses.py" line="+74" />
            <source>Loss analysis is by day, by month or over the whole period, not '{by}'.</source>
            <translation>损耗分析按日、按月或整个期间统计，不能按“{by}”。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/direct_delivery.py" line="+114" />
            <location line="+5" />
            <source>The site service runs: it reconciles restored deliveries itself and prints what it finds.</source>
            <translation>站点服务正在运行：它会自行核对恢复的下发并输出结果。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/payment_config.py" line="+75" />
            <location filename="../../acrel_console/services/payments.py" line="-413" />
            <source>Unknown payment provider '{provider}'.</source>
            <translation>未知的支付渠道“{provider}”。</translation>
        </message>
        <message>
            <location line="+38" />
            <source>Unknown payment setting '{name}'.</source>
            <translation>未知的支付参数“{name}”。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The payment setting '{name}' is required.</source>
            <translation>必须填写支付参数“{name}”。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The APIv3 key has 32 characters.</source>
            <translation>APIv3密钥为32个字符。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The platform public key and its id go together (public-key mode), or neither (platform-certificate mode).</source>
            <translation>微信支付公钥与公钥ID须同时填写（公钥模式），或都不填（平台证书模式）。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>This private key is not an RSA private key (PEM, or its base64 text).</source>
            <translation>该私钥不是RSA私钥（PEM格式或其base64文本）。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>This public key is not an RSA public key (PEM, or its base64 text).</source>
            <translation>该公钥不是RSA公钥（PEM格式或其base64文本）。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>'{value}' is not a web address.</source>
            <translation>“{value}”不是网址。</translation>
        </message>
        <message>
            <location line="+63" />
            <source>The connection test failed: {error}</source>
            <translation>连接测试失败：{error}</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/payment_statements.py" line="-53" />
            <source>The statement could not be downloaded: {error}</source>
            <translation>无法下载对账单：{error}</translation>
        </message>
        <message>
            <location line="+5" />
            <source>This is not a {provider} statement: {error}</source>
            <translation>这不是{provider}对账单：{error}</translation>
        </message>
        <message>
            <location line="+25" />
            <source>The file is too large.</source>
            <translation>文件过大。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/cli/payments.py" line="+59" />
            <source>'{value}' is not FIELD=VALUE.</source>
            <translation>“{value}”不是“参数=值”的形式。</translation>
        </message>
        <message>
            <location line="+14" />
            <source>The key '{name}' is not taken from the command line: give it with --file {name}=PATH.</source>
            <translation>密钥“{name}”不能写在命令行上：请用 --file {name}=路径 提供。</translation>
        </message>
        <message>
            <location line="+7" />
            <location filename="../../acrel_console/services/payment_statements.py" line="+3" />
            <location filename="../../acrel_console/ui/payment_setup_form.py" line="-206" />
            <source>Cannot read {path}: {error}</source>
            <translation>无法读取{path}：{error}</translation>
        </message>
        <message>
            <location line="+93" />
            <source>'{value}' is not a date (YYYY-MM-DD).</source>
            <translation>“{value}”不是日期（YYYY-MM-DD）。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/migration_import.py" line="+260" />
            <source>Nothing was imported: {n} row(s) have problems (see the list or the report).</source>
            <translation>未导入任何数据：{n} 行有问题（见列表或报告）。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Nothing was imported: {n} row(s) differ from their meters' readings. Look at them; import with the differences accepted (the meters' readings are booked).</source>
            <translation>未导入任何数据：{n} 行与电表读数不符。请核对后，在接受差异的情况下导入（按电表读数记账）。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/takeover.py" line="+89" />
            <source>Existing credit is either taken over or cleared.</source>
            <translation>表内原有余额只能接管或清零。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Meter {meter} still has deliveries on their way: wait for them before opening it.</source>
            <translation>电表 {meter} 仍有下发未完成：请等待完成后再开户。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Meter {meter} was last read at {read_at}: read it again (refresh meter status) before deciding about the {amount} yuan it showed.</source>
            <translation>电表 {meter} 上次抄表时间为 {read_at}：请重新抄读（刷新表状态）后再处理其显示的 {amount} 元。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Meter {meter} holds {amount} yuan this console did not sell (read {read_at}, purchase count {count}). Choose: take it over as the tenant's opening balance, or clear it from the meter. Nothing was opened.</source>
            <translation>电表 {meter} 内有 {amount} 元并非本系统售出（抄表时间 {read_at}，购电次数 {count}）。请选择：接管为用户的开户余额，或从电表清零。本次未开户。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/cashier/settle_presenter.py" line="-20" />
            <source>Enter what meter {id} is claimed to hold.</source>
            <translation>请输入电表 {id} 的申报剩余金额。</translation>
        </message>
        <message>
            <location line="+17" />
            <source>A supervisor signs in here to approve the claim.</source>
            <translation>请主管在此登录审批申报。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/payment_setup_form.py" line="-3" />
            <source>{path} is not a key file (too large).</source>
            <translation>{path} 不是密钥文件（文件过大）。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/cashier/pin_dialog.py" line="+18" />
            <source>The two PINs differ.</source>
            <translation>两次输入的密码不一致。</translation>
        </message>
    </context>
    <context>
        <name>export</name>
        <message>
            <location filename="../../acrel_console/services/export.py" line="-160" />
            <source>Site</source>
            <translation>站点</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Period</source>
            <translation>期间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Generated by</source>
            <translation>制表人</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Generated at</source>
            <translation>制表时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Total</source>
            <translation>合计</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/meter_views.py" line="+89" />
            <source>Gateway</source>
            <translation>网关编号</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Address</source>
            <translation>表地址</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Room</source>
            <translation>商铺号</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Meter no.</source>
            <translation>仪表编号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Model</source>
            <translation>型号</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Tenant</source>
            <translation>用户名</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../acrel_console/services/reading_history.py" line="+86" />
            <source>Remaining (yuan)</source>
            <translation>剩余金额（元）</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../acrel_console/services/reading_history.py" line="+1" />
            <source>Total energy (kWh)</source>
            <translation>总电能（kWh）</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../acrel_console/services/reading_history.py" line="+1" />
            <source>Spike (kWh)</source>
            <translation>尖电能（kWh）</translation>
        </message>
        <message>
            <location line="+0" />
            <location filename="../../acrel_console/services/reading_history.py" line="+1" />
            <source>Peak (kWh)</source>
            <translation>峰电能（kWh）</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../acrel_console/services/reading_history.py" line="+1" />
            <source>Flat (kWh)</source>
            <translation>平电能（kWh）</translation>
        </message>
        <message>
            <location line="+0" />
            <location filename="../../acrel_console/services/reading_history.py" line="+1" />
            <source>Valley (kWh)</source>
            <translation>谷电能（kWh）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Purchase count</source>
            <translation>购电次数</translation>
        </message>
        <message>
            <location line="+0" />
            <location filename="../../acrel_console/services/reading_history.py" line="+5" />
            <source>Relay</source>
            <translation>合闸状态</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Keep power</source>
            <translation>保电</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Last seen</source>
            <translation>采集时间</translation>
        </message>
        <message>
            <location line="+3" />
            <location filename="../../acrel_console/services/reading_history.py" line="+3" />
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../acrel_console/services/reading_history.py" line="+1" />
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
            <location line="+0" />
            <location filename="../../acrel_console/services/reading_history.py" line="+0" />
            <source>closed</source>
            <translation>合闸</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../acrel_console/services/reading_history.py" line="+1" />
            <source>open</source>
            <translation>分闸</translation>
        </message>
        <message>
            <location line="-2" />
            <source>Meter readings</source>
            <translation>抄表记录</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/reading_history.py" line="-16" />
            <source>Read at</source>
            <translation>采集时间</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Power (W)</source>
            <translation>实时功率(W)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>In arrears</source>
            <translation>是否欠费</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Account open</source>
            <translation>已开户</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Forced mode</source>
            <translation>强制模式</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Lost contact</source>
            <translation>是否失连</translation>
        </message>
        <message>
            <location line="+2" />
            <source>History readings</source>
            <translation>历史抄表记录</translation>
        </message>
    </context>
    <context>
        <name>fields</name>
        <message>
            <location filename="../../acrel_console/ui/messages.py" line="+19" />
            <source>Building name</source>
            <translation>建筑名</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Floor</source>
            <translation>楼层</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Area</source>
            <translation>区域</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Gateway name</source>
            <translation>网关编号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Serial port</source>
            <translation>串口号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Host</source>
            <translation>IP 地址</translation>
        </message>
        <message>
            <location line="+1" />
            <source>TCP port</source>
            <translation>TCP端口</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Baud rate</source>
            <translation>波特率</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stop bits</source>
            <translation>停止位</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Timeout (ms)</source>
            <translation>超时（毫秒）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Retries</source>
            <translation>重试次数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Inter-frame delay (ms)</source>
            <translation>帧间隔（毫秒）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>RS485 address</source>
            <translation>表地址</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Room</source>
            <translation>商铺号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>CT ratio</source>
            <translation>CT变比</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Circuit</source>
            <translation>回路</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter number</source>
            <translation>仪表编号</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/cashier/labels.py" line="+26" />
            <source>Name</source>
            <translation>用户名</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Phone</source>
            <translation>电话</translation>
        </message>
    </context>
    <context>
        <name>integrity</name>
        <message>
            <location filename="../../acrel_console/services/integrity.py" line="+46" />
            <source>Integrity: checking…</source>
            <translation>完整性：检查中…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Integrity: OK</source>
            <translation>完整性：正常</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Integrity: {count} problem(s)</source>
            <translation>完整性：{count} 处问题</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Integrity: database unreachable</source>
            <translation>完整性：无法连接数据库</translation>
        </message>
    </context>
    <context>
        <name>lease</name>
        <message>
            <location filename="../../acrel_console/services/lease.py" line="+37" />
            <source>No site service since {since}; your sale is booked and will be delivered when it returns.</source>
            <translation>站点服务自 {since} 起未运行；您的售电已记账，服务恢复后将自动下发。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No site service since {since}; the command runs from this workstation.</source>
            <translation>站点服务自 {since} 起未运行；该命令由本工作站执行。</translation>
        </message>
    </context>
    <context>
        <name>meter_errors</name>
        <message>
            <location filename="../../acrel_console/ui/error_words.py" line="+20" />
            <source>No reply in time ({detail})</source>
            <translation>应答超时（{detail}）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Damaged reply, CRC check failed ({detail})</source>
            <translation>应答报文损坏，CRC 校验失败（{detail}）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The meter refused the request ({detail})</source>
            <translation>电表拒绝了请求（{detail}）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The line cannot be reached ({detail})</source>
            <translation>通讯线路不可用（{detail}）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unreadable reply ({detail})</source>
            <translation>应答报文无法识别（{detail}）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The meter does not answer ({detail}); the credit waits</source>
            <translation>电表无应答（{detail}）；电量等待下发</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Waiting for an earlier delivery to this meter</source>
            <translation>等待该表之前的一笔下发完成</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Not sent from this computer: {detail}</source>
            <translation>本机不发送：{detail}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Sent, but the meter could not be read back ({detail}); it is read first next time</source>
            <translation>已发送但未能读回（{detail}）；下次先读表</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Not applied after a resend; tried again at the next run</source>
            <translation>重发后电表仍未生效；下次再试</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The meter's purchase count is {count}, {a} or {b} was expected: check the meter before anything is resent</source>
            <translation>电表购电次数为 {count}，应为 {a} 或 {b}：请先核对电表，不会自动重发</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The meter shows purchase count {count} after purchase {sent} was sent</source>
            <translation>发送第 {sent} 次购电后电表显示购电次数 {count}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Restored database: the meter shows purchase count {count} where this delivery expects {a}; it may have been delivered after the backup (check the meter)</source>
            <translation>数据库已恢复：电表购电次数为 {count}，本次下发应为 {a}；可能在备份后已下发（请核对电表）</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The meter refused: taking {yuan} yuan back would leave it below zero</source>
            <translation>电表拒绝：退回 {yuan} 元会使余额低于零</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Invalid request: {detail}</source>
            <translation>无效请求：{detail}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The meter reads back other values: {detail}</source>
            <translation>读回的数值不一致：{detail}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The command's signature does not match: refused, nothing sent</source>
            <translation>指令签名不符：已拒绝，未发送</translation>
        </message>
        <message>
            <location line="+2" />
            <source>An older copy of this command was put back: refused, nothing sent</source>
            <translation>该指令被旧副本替换：已拒绝，未发送</translation>
        </message>
    </context>
    <context>
        <name>meters</name>
        <message>
            <location filename="../../acrel_console/ui/meters/batch_dialog.py" line="-218" />
            <location filename="../../acrel_console/ui/meters/detail_panel.py" line="-121" />
            <location filename="../../acrel_console/ui/meters/live_model.py" line="+78" />
            <source>Room</source>
            <translation>商铺号</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Command</source>
            <translation>下发指令</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Result</source>
            <translation>结果</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/meters/detail_panel.py" line="+4" />
            <source>Gateway / address</source>
            <translation>网关 / 表地址</translation>
        </message>
        <message>
            <location line="+2" />
            <location filename="../../acrel_console/ui/meters/live_model.py" line="+1" />
            <location filename="../../acrel_console/ui/meters/readings_export.py" line="+52" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location line="-5" />
            <location filename="../../acrel_console/ui/meters/live_model.py" line="+2" />
            <location line="+52" />
            <source>Tenant</source>
            <translation>用户名</translation>
        </message>
        <message>
            <location line="-2" />
            <source>Meter</source>
            <translation>电表</translation>
        </message>
        <message>
            <location line="+3" />
            <location filename="../../acrel_console/ui/meters/live_model.py" line="-50" />
            <source>Account no.</source>
            <translation>用户编号</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/meters/batch_dialog.py" line="-3" />
            <location filename="../../acrel_console/ui/meters/detail_panel.py" line="+1" />
            <location filename="../../acrel_console/ui/meters/live_model.py" line="+2" />
            <source>Meter no.</source>
            <translation>表号</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/meters/live_model.py" line="+1" />
            <location line="+51" />
            <source>Gateway</source>
            <translation>网关</translation>
        </message>
        <message>
            <location line="-50" />
            <source>Address</source>
            <translation>表地址</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Building</source>
            <translation>建筑</translation>
        </message>
        <message>
            <location line="+56" />
            <source>Pending commands: {n}</source>
            <translation>待执行指令：{n}</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/meters/detail_panel.py" line="+2" />
            <location filename="../../acrel_console/ui/meters/live_model.py" line="-54" />
            <source>Model</source>
            <translation>型号</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Money</source>
            <translation>金额</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../acrel_console/ui/meters/live_model.py" line="+1" />
            <location line="+42" />
            <source>Remaining (yuan)</source>
            <translation>剩余金额 (元)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Alarm 1 / 2 (yuan)</source>
            <translation>告警金额1 / 2 (元)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Relay and mode</source>
            <translation>继电器与模式</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Status bits</source>
            <translation>状态位</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Electrical</source>
            <translation>电参量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Voltage (V)</source>
            <translation>电压 (V)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Current (A)</source>
            <translation>电流 (A)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Active power (kW)</source>
            <translation>有功功率 (kW)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reactive power (kvar)</source>
            <translation>无功功率 (kvar)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Power factor</source>
            <translation>功率因数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>PT / CT ratio</source>
            <translation>PT / CT 变比</translation>
        </message>
        <message>
            <location line="+2" />
            <location filename="../../acrel_console/ui/meters/live_model.py" line="-40" />
            <source>Energy (kWh)</source>
            <translation>电能 (kWh)</translation>
        </message>
        <message>
            <location line="+18" />
            <source>fault</source>
            <translation>故障</translation>
        </message>
        <message>
            <location line="+1" />
            <source>fee control</source>
            <translation>费控</translation>
        </message>
        <message>
            <location line="+1" />
            <source>over limit</source>
            <translation>超限</translation>
        </message>
        <message>
            <location line="+1" />
            <source>arrears</source>
            <translation>欠费</translation>
        </message>
        <message>
            <location line="+1" />
            <source>alarm 1</source>
            <translation>报警1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>alarm 2</source>
            <translation>报警2</translation>
        </message>
        <message>
            <location line="+1" />
            <source>forced</source>
            <translation>强制</translation>
        </message>
        <message>
            <location line="+1" />
            <source>forced open</source>
            <translation>强制断开</translation>
        </message>
        <message>
            <location line="+121" />
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <location line="-164" />
            <location filename="../../acrel_console/ui/meters/live_model.py" line="+2" />
            <source>Purchases</source>
            <translation>购电次数</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/meters/filter_boxes.py" line="+12" />
            <source>Remaining</source>
            <translation>剩余金额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Connection</source>
            <translation>联网状态</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/meters/detail_panel.py" line="+4" />
            <location filename="../../acrel_console/ui/meters/filter_boxes.py" line="+1" />
            <location filename="../../acrel_console/ui/meters/live_model.py" line="+3" />
            <location line="+36" />
            <source>Relay</source>
            <translation>合闸状态</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/meters/filter_boxes.py" line="+1" />
            <source>Meter mode</source>
            <translation>电表模式</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Account</source>
            <translation>开户状态</translation>
        </message>
        <message>
            <location line="+3" />
            <source>All</source>
            <translation>全部</translation>
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
            <translation>在线</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Offline</source>
            <translation>失联</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../acrel_console/ui/meters/formatting.py" line="+47" />
            <source>Closed</source>
            <translation>合闸</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../acrel_console/ui/meters/formatting.py" line="+0" />
            <source>Open</source>
            <translation>拉闸</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Prepaid mode</source>
            <translation>预付费模式</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Forced mode</source>
            <translation>强制模式</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Opened</source>
            <translation>已开户</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unopened</source>
            <translation>未开户</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/meters/detail_panel.py" line="+1" />
            <location filename="../../acrel_console/ui/meters/live_model.py" line="-34" />
            <location line="+35" />
            <source>Mode</source>
            <translation>模式</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../acrel_console/ui/meters/live_model.py" line="-32" />
            <location line="+43" />
            <location filename="../../acrel_console/ui/meters/markers.py" line="+21" />
            <source>Overload</source>
            <translation>过载</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/meters/live_model.py" line="-41" />
            <source>Alarm 1 (yuan)</source>
            <translation>告警金额1 (元)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Alarm 2 (yuan)</source>
            <translation>告警金额2 (元)</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/meters/detail_panel.py" line="+2" />
            <location filename="../../acrel_console/ui/meters/live_model.py" line="+2" />
            <source>Pending commands</source>
            <translation>待执行指令</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Total</source>
            <translation>总电能</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Spike (尖)</source>
            <translation>尖</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Peak (峰)</source>
            <translation>峰</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Flat (平)</source>
            <translation>平</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Valley (谷)</source>
            <translation>谷</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/meters/batch_dialog.py" line="+2" />
            <location filename="../../acrel_console/ui/meters/detail_panel.py" line="+2" />
            <source>Communication</source>
            <translation>通讯状态</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/meters/detail_panel.py" line="+1" />
            <location filename="../../acrel_console/ui/meters/live_model.py" line="+2" />
            <source>Last seen</source>
            <translation>最后通讯</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter clock</source>
            <translation>电表时钟</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Clock drift</source>
            <translation>时钟偏差</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../acrel_console/ui/meters/live_model.py" line="+2" />
            <source>Failed reads</source>
            <translation>连续失败次数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Back-off level</source>
            <translation>退避级别</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../acrel_console/ui/meters/live_model.py" line="+2" />
            <source>Last error</source>
            <translation>最近错误</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/meters/markers.py" line="-3" />
            <source>Relay open</source>
            <translation>拉闸（继电器断开）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Forced mode (keep power / forced trip)</source>
            <translation>强制模式（保电 / 强制拉闸）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Command pending</source>
            <translation>指令待执行</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/meters/control_actions.py" line="+36" />
            <source>Download the four tariff prices (spike, peak, flat, valley) to the selected meters</source>
            <translation>向所选电表下发尖、峰、平、谷四个电价</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/meters/tile_delegate.py" line="+38" />
            <source>Tripped</source>
            <translation>拉闸</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Keep power</source>
            <translation>保电</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/meters/control_actions.py" line="+10" />
            <source>Forced close: the relay stays closed whatever the balance</source>
            <translation>强制合闸（保电）：无论余额多少继电器保持合闸</translation>
        </message>
        <message>
            <location line="-1" />
            <source>Forced close</source>
            <translation>强制合闸</translation>
        </message>
        <message>
            <location line="-10" />
            <source>Price settings</source>
            <translation>电价设置</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Alarm settings</source>
            <translation>报警设置</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Forced trip</source>
            <translation>强制拉闸</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Forced trip: open the relay and keep it open</source>
            <translation>强制拉闸：断开继电器并保持断开</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Restore prepaid</source>
            <translation>恢复预付费</translation>
        </message>
        <message>
            <location line="+1" />
            <source>End forced mode: the meter's own prepaid logic decides the relay</source>
            <translation>退出强制模式：由电表自身的预付费逻辑控制继电器</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Close</source>
            <translation>合闸</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Close the relay under prepaid control (refused when the balance is not positive)</source>
            <translation>在预付费控制下合闸（剩余金额不大于零时拒绝）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Sync clock</source>
            <translation>对时</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Set the meters' clocks to the site time</source>
            <translation>将电表时钟设为现场时间</translation>
        </message>
        <message>
            <location line="-15" />
            <source>Export readings</source>
            <translation>抄表导出</translation>
        </message>
        <message>
            <location line="-20" />
            <source>Tiered price settings</source>
            <translation>阶梯电价设置</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Assign a tiered tariff to the selected meters (the console downloads each tier's price as the tenant crosses it)</source>
            <translation>为选中的电表指定阶梯电价（用户用电跨越阶梯时，系统下发该阶梯的电价）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Set alarm 1 and alarm 2 of the selected meters: downloaded to prepaid meters and confirmed by read-back, applied by the console for console-billed meters</source>
            <translation>设置选中电表的告警金额1和告警金额2：预付费表下发并回读确认，本系统计费的电表由系统直接执行</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Power threshold settings</source>
            <translation>功率阈值设置</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Set the overload power of the selected meters (downloaded with read-back, or applied by the console)</source>
            <translation>设置选中电表的功率阈值（下发并回读确认，或由本系统执行）</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Save the selected (or all shown) meters' current state as an Excel file</source>
            <translation>将所选（或全部显示的）电表当前状态导出为 Excel 文件</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Send alarm texts</source>
            <translation>下发报警短信</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Text the tenants of the selected meters their alarm message now (level by each meter's status)</source>
            <translation>现在向选中电表的用户发送报警短信（按各表状态选择级别）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Refresh status</source>
            <translation>刷新表状态</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Read the selected meters' gateways now</source>
            <translation>立即读取所选电表所在网关</translation>
        </message>
        <message>
            <location line="+1" />
            <source>History readings</source>
            <translation>历史抄表记录</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The selected meter's stored readings over a date range</source>
            <translation>选中电表在某一日期范围内的抄表记录</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Settings download</source>
            <translation>设置下发</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Schedule download</source>
            <translation>时段表下发</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+8" />
            <source>Waiting</source>
            <translation>等待中</translation>
        </message>
        <message>
            <location line="-7" />
            <location line="+8" />
            <source>Sending</source>
            <translation>下发中</translation>
        </message>
        <message>
            <location line="-7" />
            <source>Answered</source>
            <translation>已应答</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Failed</source>
            <translation>失败</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Conflict</source>
            <translation>冲突</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+12" />
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <location line="-7" />
            <source>Confirmed by read-back</source>
            <translation>回读确认成功</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Read-back mismatch</source>
            <translation>回读不一致</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refused</source>
            <translation>已拒绝</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No reply</source>
            <translation>无应答</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter rejected it</source>
            <translation>电表拒绝执行</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not possible on this meter</source>
            <translation>此电表不支持</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Gateway unreachable</source>
            <translation>网关不可达</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Error</source>
            <translation>错误</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/meters/control_dialog.py" line="-58" />
            <source>and {n} more</source>
            <translation>等 {n} 块</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/meters/control_params.py" line="-58" />
            <source>Spike price (尖)</source>
            <translation>尖电价 (元/kWh)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Peak price (峰)</source>
            <translation>峰电价 (元/kWh)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Flat price (平)</source>
            <translation>平电价 (元/kWh)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Valley price (谷)</source>
            <translation>谷电价 (元/kWh)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Alarm 1 amount (yuan)</source>
            <translation>报警金额1 (元)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Alarm 2 amount (yuan)</source>
            <translation>报警金额2 (元)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Overload power (kW)</source>
            <translation>功率阈值 (kW)</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/meters/control_dialog.py" line="+50" />
            <location filename="../../acrel_console/ui/meters/control_params.py" line="+60" />
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/meters/formatting.py" line="-7" />
            <source>Yes</source>
            <translation>是</translation>
        </message>
        <message>
            <location line="+0" />
            <source>No</source>
            <translation>否</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Prepaid</source>
            <translation>预付费模式</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Forced close (keep power)</source>
            <translation>强制合闸（保电）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Forced open</source>
            <translation>强制拉闸</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../acrel_console/ui/meters/tile_delegate.py" line="+2" />
            <source>Forced</source>
            <translation>强制</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/meters/readings_export.py" line="+3" />
            <source>Building / gateway</source>
            <translation>建筑 / 网关</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Search</source>
            <translation>搜索</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Meter readings</source>
            <translation>抄表记录</translation>
        </message>
    </context>
    <context>
        <name>migration</name>
        <message>
            <location filename="../../acrel_console/services/migration_import.py" line="+29" />
            <source>Row</source>
            <translation>行</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter no.</source>
            <translation>仪表编号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Shop/room</source>
            <translation>商铺号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tenant</source>
            <translation>用户名</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Old account no.</source>
            <translation>原用户编号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remaining (sheet)</source>
            <translation>剩余金额（表格）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remaining (meter)</source>
            <translation>剩余金额（电表）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Difference</source>
            <translation>差额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Purchases (sheet)</source>
            <translation>购电次数（表格）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Purchases (meter)</source>
            <translation>购电次数（电表）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter read at</source>
            <translation>抄表时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Result</source>
            <translation>结果</translation>
        </message>
        <message>
            <location line="+1" />
            <source>New account no.</source>
            <translation>新用户编号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Notes</source>
            <translation>说明</translation>
        </message>
        <message>
            <location line="+2" />
            <source>imported</source>
            <translation>已导入</translation>
        </message>
        <message>
            <location line="+1" />
            <source>imported, differs from the sheet</source>
            <translation>已导入，与表格不符</translation>
        </message>
        <message>
            <location line="+1" />
            <source>not imported: problem</source>
            <translation>未导入：有问题</translation>
        </message>
        <message>
            <location line="+1" />
            <source>ready</source>
            <translation>可导入</translation>
        </message>
        <message>
            <location line="+1" />
            <source>differs from the sheet</source>
            <translation>与表格不符</translation>
        </message>
        <message>
            <location line="+1" />
            <source>problem</source>
            <translation>有问题</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Migration report</source>
            <translation>迁移报告</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Migration check (nothing imported yet)</source>
            <translation>迁移核对（尚未导入）</translation>
        </message>
    </context>
    <context>
        <name>payments</name>
        <message>
            <location filename="../../acrel_console/services/payment_config.py" line="-160" />
            <source>WeChat Pay</source>
            <translation>微信支付</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Alipay</source>
            <translation>支付宝</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/payment_statements.py" line="-106" />
            <source>Matched</source>
            <translation>一致</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Missing in the ledger</source>
            <translation>我方缺失</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Missing in the statement</source>
            <translation>对方缺失</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Amount differs</source>
            <translation>金额不符</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Payment</source>
            <translation>支付</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Refund</source>
            <translation>退款</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Result</source>
            <translation>对账结果</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Transaction no.</source>
            <translation>交易号</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Merchant order no.</source>
            <translation>商户订单号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Statement (yuan)</source>
            <translation>对账单金额（元）</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Ledger (yuan)</source>
            <translation>账务金额（元）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Difference (yuan)</source>
            <translation>差额（元）</translation>
        </message>
    </context>
    <context>
        <name>permissions</name>
        <message>
            <location filename="../../acrel_console/domain/roles.py" line="+82" />
            <source>View meters, records, reports and logs</source>
            <translation>查看电表、记录、报表和日志</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sell, refund, open and close accounts</source>
            <translation>售电、退电、开户和销户</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Approve reversals and claims</source>
            <translation>审批冲正和补录</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Close cashier shifts</source>
            <translation>收银交班</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Control meters and download settings</source>
            <translation>电表控制和参数下发</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Manage tariffs</source>
            <translation>电价管理</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Acknowledge alarms</source>
            <translation>确认报警</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Configure buildings, gateways and meters</source>
            <translation>建筑、网关和仪表设置</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Backups, restore and integrity checks</source>
            <translation>备份、恢复和完整性检查</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Run the site service (poll and dispatch)</source>
            <translation>运行站点服务（抄表和下发）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Manage operators and roles</source>
            <translation>操作员和角色管理</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Set payment merchant keys and other secrets</source>
            <translation>设置支付商户密钥及其他密钥</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Reports and queries</source>
            <translation>报表查询</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sales</source>
            <translation>售电管理</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter operations</source>
            <translation>电表操作</translation>
        </message>
        <message>
            <location line="+2" />
            <source>System settings</source>
            <translation>系统设置</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Sign-in management</source>
            <translation>登陆管理</translation>
        </message>
    </context>
    <context>
        <name>portal</name>
        <message>
            <location filename="../../acrel_console/portal/pages.py" line="-90" />
            <location filename="../../acrel_console/portal/words.py" line="+27" />
            <source>The form expired; please try again.</source>
            <translation>页面已过期，请重试。</translation>
        </message>
        <message>
            <location line="+171" />
            <location filename="../../acrel_console/portal/words.py" line="+61" />
            <source>The two new PINs differ.</source>
            <translation>两次输入的新密码不一致。</translation>
        </message>
        <message>
            <location line="+3" />
            <location filename="../../acrel_console/portal/words.py" line="+1" />
            <source>PIN changed. Other signed-in devices were signed out.</source>
            <translation>密码已修改，其他已登录设备已退出。</translation>
        </message>
        <message>
            <location line="+9" />
            <location filename="../../acrel_console/portal/words.py" line="+8" />
            <source>Saved.</source>
            <translation>已保存。</translation>
        </message>
        <message>
            <location filename="../../acrel_console/portal/words.py" line="-85" />
            <source>Tenant service</source>
            <translation>用户查询系统</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Home</source>
            <translation>首页</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Recharges</source>
            <translation>购电记录</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sign out</source>
            <translation>退出登录</translation>
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
            <translation>返回</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Sign in</source>
            <translation>登录</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Account no.</source>
            <translation>用户编号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>PIN</source>
            <translation>查询密码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Your account number and PIN are on the slip from the site office.</source>
            <translation>用户编号和查询密码见管理处给您的密码单。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Clear</source>
            <translation>清空</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <location line="+2" />
            <source>You were signed out. Please sign in again.</source>
            <translation>您已退出登录，请重新登录。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Hello, {name}</source>
            <translation>您好，{name}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Account no. {no} · {room}</source>
            <translation>用户编号 {no} · {room}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Your PIN is still the one from the slip: please change it in Settings.</source>
            <translation>您仍在使用密码单上的初始密码，请在“设置”中修改。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remaining amount</source>
            <translation>剩余金额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{amount} yuan</source>
            <translation>{amount} 元</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not read yet</source>
            <translation>尚未抄表</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Top-up on its way to the meter: {amount} yuan</source>
            <translation>充值下发中：{amount} 元</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Power</source>
            <translation>供电</translation>
        </message>
        <message>
            <location line="+1" />
            <source>On</source>
            <translation>合闸</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Off</source>
            <translation>拉闸</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unknown</source>
            <translation>未知</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Kept on by the site office</source>
            <translation>管理处保电</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Last reading</source>
            <translation>最近抄表</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter no.</source>
            <translation>表号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Daily usage</source>
            <translation>每日用电</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Recharge at the site office.</source>
            <translation>请到管理处充值。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No meter is on this account.</source>
            <translation>该账户下没有电表。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Switch off</source>
            <translation>拉闸</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Switch on</source>
            <translation>合闸</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Switch this meter off? Everything on it loses power.</source>
            <translation>确定拉闸吗？该电表下所有用电设备将断电。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Switching off: waiting for the meter…</source>
            <translation>拉闸中：等待电表确认…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Switching on: waiting for the meter…</source>
            <translation>合闸中：等待电表确认…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Switched off: confirmed by the meter.</source>
            <translation>已拉闸：电表已确认。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Switched on: confirmed by the meter.</source>
            <translation>已合闸：电表已确认。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The meter refused: the balance is not positive.</source>
            <translation>电表拒绝合闸：剩余金额不大于零。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The meter did not confirm the command; please try again or contact the site office.</source>
            <translation>电表未确认该指令，请重试或联系管理处。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Daily energy, last {days} days</source>
            <translation>近{days}天每日用电量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This month ({month}) by tariff period</source>
            <translation>本月（{month}）分时电量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Period</source>
            <translation>时段</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Energy (kWh)</source>
            <translation>电量（kWh）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Total</source>
            <translation>合计</translation>
        </message>
        <message>
            <location line="+1" />
            <source>kWh</source>
            <translation>kWh</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Recharge history</source>
            <translation>购电记录</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No recharges yet.</source>
            <translation>暂无购电记录。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Receipt no.</source>
            <translation>单据号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sale</source>
            <translation>售电</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Opening balance</source>
            <translation>开户余额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refund</source>
            <translation>退电</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reversal</source>
            <translation>冲正</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cash</source>
            <translation>现金缴费</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Card terminal</source>
            <translation>刷卡机缴费</translation>
        </message>
        <message>
            <location line="+1" />
            <source>WeChat Pay</source>
            <translation>微信支付</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Alipay</source>
            <translation>支付宝</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Bank transfer</source>
            <translation>公对公转账</translation>
        </message>
        <message>
            <location line="+1" />
            <source>On its way to the meter</source>
            <translation>下发中</translation>
        </message>
        <message>
            <location line="+1" />
            <source>On the meter</source>
            <translation>已到表</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Being checked by the site office</source>
            <translation>管理处核对中</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Change PIN</source>
            <translation>修改密码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Current PIN</source>
            <translation>当前密码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>New PIN</source>
            <translation>新密码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>New PIN again</source>
            <translation>再次输入新密码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>6 to 12 digits.</source>
            <translation>6到12位数字。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Text messages</source>
            <translation>短信提醒</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Phone number</source>
            <translation>手机号码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Low balance (alarm 1)</source>
            <translation>余额不足（报警1）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Very low balance (alarm 2)</source>
            <translation>余额严重不足（报警2）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Arrears</source>
            <translation>欠费</translation>
        </message>
        <message>
            <location line="+1" />
            <source>After each recharge</source>
            <translation>每次充值后</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Your details</source>
            <translation>用户信息</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Name</source>
            <translation>用户名</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Room</source>
            <translation>商铺号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Opened on</source>
            <translation>开户日期</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Recharge online</source>
            <translation>在线充值</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Amount (yuan)</source>
            <translation>金额（元）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Scan with the app to pay.</source>
            <translation>请用手机扫码付款。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Pay now</source>
            <translation>去付款</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Waiting for the payment…</source>
            <translation>等待付款…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Paid and delivered to the meter.</source>
            <translation>已付款，已充入电表。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Paid. On its way to the meter…</source>
            <translation>已付款，正在充入电表…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The amount paid differs from the order: nothing was credited; the site office will contact you.</source>
            <translation>实付金额与订单不符：未充值，管理处将与您联系。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The meter cannot take this payment now: it is refunded to you.</source>
            <translation>该电表现在无法充值：款项已原路退回。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The order expired unpaid.</source>
            <translation>订单已过期，未付款。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The order was cancelled.</source>
            <translation>订单已取消。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The payment could not be started; please try again later.</source>
            <translation>无法发起支付，请稍后再试。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Page not found.</source>
            <translation>页面不存在。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Something went wrong; please try again.</source>
            <translation>出现错误，请重试。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The console's database cannot be reached; please try again later.</source>
            <translation>暂时无法连接系统数据库，请稍后再试。</translation>
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
            <translation>商铺号</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../acrel_console/services/reports/sales.py" line="-154" />
            <location line="+112" />
            <location filename="../../acrel_console/ui/reports/catalog.py" line="+1" />
            <source>Tenant</source>
            <translation>用户名</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../acrel_console/services/reports/sales.py" line="-168" />
            <location filename="../../acrel_console/ui/reports/catalog.py" line="+1" />
            <source>Building</source>
            <translation>建筑</translation>
        </message>
        <message>
            <location line="+2" />
            <location filename="../../acrel_console/services/reports/sales.py" line="+120" />
            <source>Spike</source>
            <translation>尖</translation>
        </message>
        <message>
            <location line="+0" />
            <location filename="../../acrel_console/services/reports/sales.py" line="+0" />
            <source>Peak</source>
            <translation>峰</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../acrel_console/services/reports/sales.py" line="+1" />
            <source>Flat</source>
            <translation>平</translation>
        </message>
        <message>
            <location line="+0" />
            <location filename="../../acrel_console/services/reports/sales.py" line="+0" />
            <source>Valley</source>
            <translation>谷</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Total</source>
            <translation>合计</translation>
        </message>
        <message>
            <location line="+28" />
            <location line="+75" />
            <location filename="../../acrel_console/ui/reports/chart_data.py" line="+14" />
            <source>Energy (kWh)</source>
            <translation>用电量（kWh）</translation>
        </message>
        <message>
            <location line="-20" />
            <location filename="../../acrel_console/ui/reports/catalog.py" line="-20" />
            <source>Energy report</source>
            <translation>电能耗报表</translation>
        </message>
        <message>
            <location line="+22" />
            <location filename="../../acrel_console/ui/reports/catalog.py" line="+1" />
            <source>Multi-rate energy report</source>
            <translation>复费率报表</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/reports/sales.py" line="-156" />
            <source>Cash</source>
            <translation>现金缴费</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Card terminal</source>
            <translation>刷卡机缴费</translation>
        </message>
        <message>
            <location line="+1" />
            <source>WeChat</source>
            <translation>微信扫码支付</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Alipay</source>
            <translation>支付宝扫码支付</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Bank transfer</source>
            <translation>公对公转账</translation>
        </message>
        <message>
            <location line="+32" />
            <location filename="../../acrel_console/ui/reports/catalog.py" line="+20" />
            <source>Seller</source>
            <translation>售电员</translation>
        </message>
        <message>
            <location line="+0" />
            <location filename="../../acrel_console/ui/reports/catalog.py" line="+1" />
            <source>Payment method</source>
            <translation>付款方式</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/reports/losses.py" line="+47" />
            <location filename="../../acrel_console/services/reports/sales.py" line="+2" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/reports/sales.py" line="+1" />
            <location line="+61" />
            <source>Sales</source>
            <translation>售电金额</translation>
        </message>
        <message>
            <location line="-60" />
            <source>Reversals</source>
            <translation>冲正金额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refunds</source>
            <translation>退电金额</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+4" />
            <location filename="../../acrel_console/ui/reports/chart_data.py" line="-1" />
            <source>Financial income</source>
            <translation>财务收入</translation>
        </message>
        <message>
            <location line="+2" />
            <location filename="../../acrel_console/ui/reports/catalog.py" line="-24" />
            <source>Electricity sales report</source>
            <translation>电销售报表</translation>
        </message>
        <message>
            <location line="+44" />
            <location line="+112" />
            <location filename="../../acrel_console/services/reports/status_reports.py" line="-94" />
            <location line="+67" />
            <source>Meter no.</source>
            <translation>表号</translation>
        </message>
        <message>
            <location line="-110" />
            <source>Previous reading</source>
            <translation>上次抄表</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Current reading</source>
            <translation>本次抄表</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Energy used</source>
            <translation>用电量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>CT ratio</source>
            <translation>互感器倍率</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Previous balance</source>
            <translation>上次余额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Current balance</source>
            <translation>本次余额</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Amount used</source>
            <translation>使用金额</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../acrel_console/ui/reports/catalog.py" line="+1" />
            <source>Meter summary report</source>
            <translation>电表综合报表</translation>
        </message>
        <message>
            <location line="+61" />
            <source>Tariff period</source>
            <translation>费率时段</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Energy</source>
            <translation>用电量</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+3" />
            <source>Revenue</source>
            <translation>电费收益</translation>
        </message>
        <message>
            <location line="-2" />
            <location line="+3" />
            <source>Energy cost</source>
            <translation>电价成本</translation>
        </message>
        <message>
            <location line="-2" />
            <source>Margin</source>
            <translation>毛利</translation>
        </message>
        <message>
            <location line="+3" />
            <location filename="../../acrel_console/ui/reports/catalog.py" line="+3" />
            <source>Electricity revenue report</source>
            <translation>电费收益报表</translation>
        </message>
        <message>
            <location line="+36" />
            <source>Ledger balance</source>
            <translation>账务余额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meter balance</source>
            <translation>电表余额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Pending deliveries</source>
            <translation>待下发笔数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Pending amount</source>
            <translation>待下发金额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Conflicts</source>
            <translation>冲突</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Meter read at</source>
            <translation>抄表时间</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../acrel_console/ui/reports/catalog.py" line="+7" />
            <source>Reconciliation</source>
            <translation>对账报表</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Opening balance</source>
            <translation>期初余额</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Consumption</source>
            <translation>使用金额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Closing balance</source>
            <translation>期末余额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Item</source>
            <translation>项目</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Balance</source>
            <translation>余额</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../acrel_console/ui/reports/catalog.py" line="+1" />
            <source>Tenant statement</source>
            <translation>用户对账单</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/reports/status_reports.py" line="-66" />
            <location line="+29" />
            <source>Gateway</source>
            <translation>网关编号</translation>
        </message>
        <message>
            <location line="-29" />
            <source>Address</source>
            <translation>表地址</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Model</source>
            <translation>型号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Offline since</source>
            <translation>失联时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Last seen</source>
            <translation>最后通讯时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Last balance</source>
            <translation>最后余额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Last energy</source>
            <translation>最后电量</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+33" />
            <source>Last error</source>
            <translation>最后错误</translation>
        </message>
        <message>
            <location line="-32" />
            <location filename="../../acrel_console/ui/reports/catalog.py" line="-5" />
            <source>Offline meters</source>
            <translation>失联电表报表</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Mode</source>
            <translation>网关模式</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Endpoint</source>
            <translation>通讯地址</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meters</source>
            <translation>电表数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Online</source>
            <translation>在线</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Last sweep</source>
            <translation>最后巡检时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sweep duration (s)</source>
            <translation>抄读用时(秒)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Requests</source>
            <translation>请求数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Timeouts</source>
            <translation>超时</translation>
        </message>
        <message>
            <location line="+1" />
            <source>CRC errors</source>
            <translation>CRC错误</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reconnects</source>
            <translation>重连</translation>
        </message>
        <message>
            <location line="+2" />
            <location filename="../../acrel_console/ui/reports/catalog.py" line="+1" />
            <source>Offline gateways</source>
            <translation>失联网关报表</translation>
        </message>
        <message>
            <location line="+29" />
            <source>Power (kW)</source>
            <translation>功率（kW）</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Power factor</source>
            <translation>功率因数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Read at</source>
            <translation>采集时间</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../acrel_console/ui/reports/catalog.py" line="+1" />
            <source>Electrical parameters</source>
            <translation>电参量监控</translation>
        </message>
        <message>
            <location line="+22" />
            <source>No.</source>
            <translation>编号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Alarm</source>
            <translation>报警类型</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Message</source>
            <translation>消息</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Raised at</source>
            <translation>发生时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cleared at</source>
            <translation>恢复时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Acknowledged by</source>
            <translation>确认人</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Acknowledged at</source>
            <translation>确认时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Comment</source>
            <translation>备注</translation>
        </message>
        <message>
            <location line="+6" />
            <location filename="../../acrel_console/ui/reports/catalog.py" line="-4" />
            <source>Real-time alarms</source>
            <translation>电表实时报警报表</translation>
        </message>
        <message>
            <location line="+8" />
            <location filename="../../acrel_console/ui/reports/catalog.py" line="+1" />
            <source>Alarm history</source>
            <translation>电表报警记录历史报表</translation>
        </message>
        <message>
            <location filename="../../acrel_console/services/reports/losses.py" line="-26" />
            <location line="+25" />
            <source>Main meter</source>
            <translation>总表</translation>
        </message>
        <message>
            <location line="-24" />
            <location line="+26" />
            <source>Sub-meters</source>
            <translation>分表数</translation>
        </message>
        <message>
            <location line="-94" />
            <source>Main energy</source>
            <translation>总表电量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sub-meter energy</source>
            <translation>分表电量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Loss (kWh)</source>
            <translation>损耗电量(kWh)</translation>
        </message>
        <message>
            <location line="+68" />
            <location filename="../../acrel_console/services/reports/sales.py" line="-38" />
            <source>Difference</source>
            <translation>差额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Loss</source>
            <translation>损耗</translation>
        </message>
        <message>
            <location line="+26" />
            <source>Loss rate</source>
            <translation>损耗率</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meters without readings</source>
            <translation>无数据表数</translation>
        </message>
        <message>
            <location line="+3" />
            <source>A rate is left empty where a meter of the group has no readings.</source>
            <translation>组内有电表无抄表数据时不计算损耗率。</translation>
        </message>
        <message>
            <location line="-49" />
            <source>No main/sub-meter mapping is configured.</source>
            <translation>未配置总表与分表的对应关系。</translation>
        </message>
        <message>
            <location line="+20" />
            <location line="+30" />
            <location filename="../../acrel_console/ui/reports/catalog.py" line="+4" />
            <source>Loss analysis</source>
            <translation>损耗分析</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/reports/formatting.py" line="+60" />
            <source>sale</source>
            <translation>售电</translation>
        </message>
        <message>
            <location line="+1" />
            <source>refund</source>
            <translation>退电</translation>
        </message>
        <message>
            <location line="+1" />
            <source>reversal</source>
            <translation>冲正</translation>
        </message>
        <message>
            <location line="+1" />
            <source>opening</source>
            <translation>开户</translation>
        </message>
        <message>
            <location line="+1" />
            <source>transfer</source>
            <translation>余额转入</translation>
        </message>
        <message>
            <location filename="../../acrel_console/ui/reports/catalog.py" line="+15" />
            <source>By day</source>
            <translation>按日</translation>
        </message>
        <message>
            <location line="+1" />
            <source>By month</source>
            <translation>按月</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Whole period</source>
            <translation>整个期间</translation>
        </message>
    </context>
    <context>
        <name>roles</name>
        <message>
            <location filename="../../acrel_console/domain/roles.py" line="-76" />
            <source>Administrator</source>
            <translation>管理员</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Operator</source>
            <translation>操作员</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cashier</source>
            <translation>售电员</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Supervisor</source>
            <translation>主管</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Auditor</source>
            <translation>审计员</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tenant</source>
            <translation>用户</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Site service</source>
            <translation>站点服务</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Custom role</source>
            <translation>自定义角色</translation>
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
            <translation>无法打开数据库：{error}</translation>
        </message>
        <message>
            <location line="+37" />
            <source>Poller: running in this console</source>
            <translation>抄表服务：本机运行</translation>
        </message>
    </context>
    <context>
        <name>settings</name>
        <message>
            <location filename="../../acrel_console/services/site_settings.py" line="-218" />
            <source>Site name</source>
            <translation>站点名称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Shown on receipts and report titles.</source>
            <translation>显示在单据和报表标题上。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Time zone</source>
            <translation>时区</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The site's zone (e.g. Asia/Shanghai): every time shown, day boundaries, shifts, tariff periods and meter clocks. The computer's own zone is not used.</source>
            <translation>现场所在时区（如 Asia/Shanghai）：所有显示时间、日界、班次、电价时段和电表时钟都按此时区；不使用本机时区。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Status sweep interval (s)</source>
            <translation>状态巡检间隔（秒）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Every meter's status is read at least this often; a meter silent for three times this long is offline.</source>
            <translation>每块电表的状态至少按此间隔读取一次；连续三倍此时长无应答的电表视为失联。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Status sweep pace (s)</source>
            <translation>状态巡检节拍（秒）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Status sweeps (a short read of balance, purchase count and status words) start at most this often; a long bus sweeps back to back.</source>
            <translation>状态巡检（只读剩余金额、购电次数和状态字）最快按此节拍开始；电表多的总线连续巡检。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>History reading interval (s)</source>
            <translation>集抄时间间隔（秒）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>How often a reading row is stored (集抄时间间隔).</source>
            <translation>保存一条抄表记录的周期。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Keep raw readings (months)</source>
            <translation>原始抄表数据保留（月）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Raw history readings older than this are pruned each night; the hourly and daily energy every report uses is kept.</source>
            <translation>超过此期限的原始历史抄表数据每晚清理；各报表所用的小时和日电量汇总永久保留。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Alarm 1 amount (yuan)</source>
            <translation>默认告警金额1（元）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Balance at or below this raises alarm 1.</source>
            <translation>余额不高于此金额时触发报警1。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Alarm 2 amount (yuan)</source>
            <translation>默认告警金额2（元）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Balance at or below this raises alarm 2 (below alarm 1).</source>
            <translation>余额不高于此金额时触发报警2（须低于报警1）。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Allowed overdraft (yuan)</source>
            <translation>允许赊欠金额（元）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>允许赊欠金额: credit the meter allows below zero before tripping.</source>
            <translation>电表在余额低于零后、拉闸前允许透支的金额。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Overload power (W)</source>
            <translation>默认功率阈值（W）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>功率阈值: the meter trips above this power.</source>
            <translation>功率超过此值时电表拉闸。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Max stored credit (yuan)</source>
            <translation>囤积金额上限（元）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>囤积金额上限: a sale that would exceed it is refused.</source>
            <translation>售电后余额超过此金额将被拒绝。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Confirm sales above (yuan)</source>
            <translation>售电确认金额（元）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The cashier confirms once more before selling, refunding or reversing more than this (a slip of the keyboard: 1000 for 100). 0: never ask.</source>
            <translation>售电、退电或冲正金额超过此值时需再次确认（防止把 100 输成 1000）。0 表示不确认。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>No-trip hours</source>
            <translation>不拉闸时段</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Windows like 18:00-09:30 in which no arrears trip happens; comma separated.</source>
            <translation>在这些时段内不执行欠费拉闸，如 18:00-09:30；多个时段用逗号分隔。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Trip relay when an account closes</source>
            <translation>销户时拉闸</translation>
        </message>
        <message>
            <location line="+1" />
            <source>销户 trips the meter's relay.</source>
            <translation>销户后断开电表继电器。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Energy cost, spike (yuan/kWh)</source>
            <translation>电价成本 尖（元/kWh）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>电价成本 尖: what the site pays per kWh, for the revenue report.</source>
            <translation>站点每 kWh 的尖时段购电成本，用于电费收益报表。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Energy cost, peak (yuan/kWh)</source>
            <translation>电价成本 峰（元/kWh）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>电价成本 峰: what the site pays per kWh, for the revenue report.</source>
            <translation>站点每 kWh 的峰时段购电成本，用于电费收益报表。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Energy cost, flat (yuan/kWh)</source>
            <translation>电价成本 平（元/kWh）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>电价成本 平: what the site pays per kWh, for the revenue report.</source>
            <translation>站点每 kWh 的平时段购电成本，用于电费收益报表。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Energy cost, valley (yuan/kWh)</source>
            <translation>电价成本 谷（元/kWh）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>电价成本 谷: what the site pays per kWh, for the revenue report.</source>
            <translation>站点每 kWh 的谷时段购电成本，用于电费收益报表。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SMS driver</source>
            <translation>短信通道</translation>
        </message>
        <message>
            <location line="+1" />
            <source>短信提醒: none, modem (a GSM modem on a serial port) or http (an SMS gateway).</source>
            <translation>短信提醒：none（不发送）、modem（串口短信猫）或 http（短信网关）。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SMS modem port</source>
            <translation>短信猫串口</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Serial port of the GSM modem, e.g. /dev/ttyUSB2 or COM5.</source>
            <translation>短信猫所接串口，如 /dev/ttyUSB2 或 COM5。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SMS modem baud rate</source>
            <translation>短信猫波特率</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Most modems talk at 115200.</source>
            <translation>大多数短信猫使用 115200。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SMS gateway URL</source>
            <translation>短信网关地址</translation>
        </message>
        <message>
            <location line="+1" />
            <source>URL template with {phone} and {text}, e.g. https://sms.example/send?to={phone}&amp;msg={text}.</source>
            <translation>含 {phone} 和 {text} 的地址模板，如 https://sms.example/send?to={phone}&amp;msg={text}。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SMS gateway key</source>
            <translation>短信网关密钥</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The gateway's API key or password. Kept beside the site key on the service computer, never in the database or the operation log; write {key} where it goes in the URL or body.</source>
            <translation>网关的 API 密钥或密码。保存在服务主机的站点密钥旁，绝不写入数据库或操作日志；在 URL 或正文中需要它的位置写 {key}。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>SMS gateway method</source>
            <translation>短信网关请求方式</translation>
        </message>
        <message>
            <location line="+1" />
            <source>GET, or POST with the body below.</source>
            <translation>GET，或使用下方正文的 POST。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SMS gateway POST body</source>
            <translation>短信网关 POST 正文</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Form body template with {phone} and {text} (POST only).</source>
            <translation>含 {phone} 和 {text} 的表单正文模板（仅 POST）。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SMS gateway success text</source>
            <translation>短信网关成功标识</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Text the gateway's reply must contain (empty: any 2xx reply).</source>
            <translation>网关应答中必须包含的文字（留空：任何 2xx 应答即为成功）。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SMS quiet hours</source>
            <translation>短信免打扰时段</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Alarm texts wait until these hours are over.</source>
            <translation>报警短信在这些时段结束后再发送。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Text the tenant after each sale</source>
            <translation>售电后发送充值短信</translation>
        </message>
        <message>
            <location line="+1" />
            <source>充值提醒: a text with the amount and the balance after every sale.</source>
            <translation>充值提醒：每次售电后发送含金额和余额的短信。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Wrong passwords before lock</source>
            <translation>锁定前允许的密码错误次数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>An operator account locks after this many wrong passwords.</source>
            <translation>操作员账号连续输错密码达到此次数后锁定。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Lock duration (minutes)</source>
            <translation>锁定时长（分钟）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>How long a locked operator account stays locked.</source>
            <translation>操作员账号被锁定的时长。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Run the tenant portal</source>
            <translation>运行用户查询系统</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The site service also serves the tenants' phone page and lobby kiosk.</source>
            <translation>站点服务同时提供用户手机页面和大厅查询机。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tenant portal address</source>
            <translation>用户查询系统地址</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Address the portal listens on: 127.0.0.1 behind a reverse proxy, 0.0.0.0 for the whole LAN.</source>
            <translation>用户查询系统监听的地址：在反向代理之后用127.0.0.1，整个局域网访问用0.0.0.0。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Tenant portal port</source>
            <translation>用户查询系统端口</translation>
        </message>
        <message>
            <location line="+1" />
            <source>TCP port of the tenant portal.</source>
            <translation>用户查询系统的TCP端口。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tenants may switch their meters</source>
            <translation>允许用户自行拉闸/合闸</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tenants may switch their own meter off, and back on with a positive balance, from the portal.</source>
            <translation>用户可在用户查询系统中对自己的电表拉闸，并在余额为正时合闸。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Tenant switchings per hour</source>
            <translation>用户每小时拉合闸次数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>How many switch commands one tenant may send per hour.</source>
            <translation>每个用户每小时可发送的拉闸/合闸指令数。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Wrong PINs before lock</source>
            <translation>锁定前允许的密码错误次数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A tenant's portal sign-in locks after this many wrong PINs.</source>
            <translation>用户查询密码错误达到此次数后锁定登录。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tenant lock duration (minutes)</source>
            <translation>用户锁定时长（分钟）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>How long a locked tenant sign-in stays locked.</source>
            <translation>用户登录被锁定后保持锁定的时长。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tenant session idle time (minutes)</source>
            <translation>用户会话空闲时长（分钟）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A phone session ends after this long without a request.</source>
            <translation>手机会话在无操作达到此时长后结束。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Kiosk idle time (s)</source>
            <translation>查询机空闲时长（秒）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The lobby kiosk returns to the sign-in screen after this long untouched.</source>
            <translation>大厅查询机无人操作达到此时长后返回登录界面。</translation>
        </message>
    </context>
    <context>
        <name>slip</name>
        <message>
            <location filename="../../acrel_console/services/pin_slip.py" line="+13" />
            <source>Tenant service: your sign-in</source>
            <translation>用户查询系统登录信息</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Account no.</source>
            <translation>用户编号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Name</source>
            <translation>用户名</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Room</source>
            <translation>商铺号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>PIN</source>
            <translation>查询密码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Set at</source>
            <translation>设置时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Operator</source>
            <translation>操作员</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Please change the PIN after your first sign-in. Keep this slip private.</source>
            <translation>首次登录后请修改密码，并妥善保管本密码单。</translation>
        </message>
    </context>
    <context>
        <name>sms</name>
        <message>
            <location filename="../../acrel_console/services/sms.py" line="-371" />
            <source>Alarm 1</source>
            <translation>报警1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Alarm 2</source>
            <translation>报警2</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Arrears</source>
            <translation>欠费</translation>
        </message>
        <message>
            <location line="+1" />
            <source>After sale</source>
            <translation>充值提醒</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Manual</source>
            <translation>手动</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Test</source>
            <translation>测试</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The modem or gateway did not answer in time</source>
            <translation>短信猫或网关未及时应答</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The modem or gateway refused the message</source>
            <translation>短信猫或网关拒绝了该短信</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The modem or gateway cannot be reached</source>
            <translation>无法连接短信猫或网关</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The number or text cannot be sent</source>
            <translation>该号码或内容无法发送</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not sent in time; dropped</source>
            <translation>未及时发送，已丢弃</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No SMS modem or gateway is configured</source>
            <translation>未配置短信猫或短信网关</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unexpected error while sending</source>
            <translation>发送时发生意外错误</translation>
        </message>
    </context>
    <context>
        <name>status</name>
        <message>
            <location filename="../../acrel_console/domain/status.py" line="+27" />
            <source>Offline</source>
            <translation>失联</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unopened</source>
            <translation>未开户</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Arrears</source>
            <translation>欠费</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Alarm 2</source>
            <translation>报警2</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Alarm 1</source>
            <translation>报警1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Opened</source>
            <translation>已开户</translation>
        </message>
    </context>
    <context>
        <name>theme</name>
        <message>
            <location filename="../../acrel_console/ui/theme.py" line="+23" />
            <source>Colour-blind safe (default)</source>
            <translation>色盲友好（默认）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Acrel-3200 classic</source>
            <translation>Acrel-3200 经典配色</translation>
        </message>
    </context>
</TS>
