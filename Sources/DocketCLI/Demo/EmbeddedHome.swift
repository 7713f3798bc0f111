// A copy of the repository's bundled home, for `docket demo` when the binary runs far from
// its sources. Regenerate it when workflows/, staff.yaml, docket.yaml, rules/ or calendars/
// change: `python3 .ci/embed-home.py . Sources/DocketCLI/Demo/EmbeddedHome.swift`.
// The demo prefers the live files (found from #filePath); `docket demo --embedded` plays this copy.

/// The bundled home's files (relative path -> text), in path order.
enum EmbeddedHome {
  static let files: [(String, String)] = [
    (
      "workflows/complaint.yaml",
      #"""
      # 客户投诉：一人负责到底，24小时内处理完毕，每单必回访；回访不满意由主管二次回访。
      # Targets (contract §8): handled in time 98%, within 24 h 100%, re-complaint rate ≤ 1%.
      workflow: complaint
      title: 客户投诉
      version: 1
      prefix: CMP

      roles:
        specialist: 客服专员
        supervisor: 客服主管
        manager: 客服经理

      fields:
        customer:     { type: string, required: true, label: 客户姓名 }
        phone:        { type: string, label: 联系电话 }
        channel:      { type: enum, values: [counter, phone, wechat, email, hotline_12345], default: counter, label: 受理渠道 }
        category:     { type: enum, values: [noise, hygiene, facility, service, parking, safety, other], required: true, label: 投诉类别 }
        location:     { type: string, label: 发生位置 }
        description:  { type: text, required: true, label: 投诉内容 }
        urgent:       { type: bool, default: false, label: 紧急 }
        contacts:     { type: int, default: 0, label: 联系客户次数 }
        resolution:   { type: text, label: 处理结果 }
        escalated:    { type: bool, default: false, label: 已升级主管 }
        satisfaction: { type: enum, values: [satisfied, neutral, unsatisfied], label: 回访满意度 }
        visit_at:     { type: datetime, label: 回访时间 }
        is_repeat:    { type: bool, default: false, label: 重复投诉 }   # set by a rule (rules/)

      initial: received

      deadlines:
        handle_24h:
          label: 24小时内处理完毕
          within: 24h
          start: created
          stop: [revisit, supervisor_revisit, closed]
          pause: [waiting_customer]          # 等待客户答复的时间不计入
          warn:
            before: 4h
            notify: [specialist]
            message: "投诉 ${instance.id}（${customer}）距24小时处理时限还剩4小时，请尽快处理"
          breach:
            - set: { escalated: "true" }
            - assign: supervisor
            - notify: [supervisor]
              message: "投诉 ${instance.id}（${customer}，${category}）超过24小时未处理完毕，已转客服主管"

      states:
        received:
          label: 已受理
          assign: specialist
          deadline:
            name: accept_30m
            within: 30m
            breach:
              - notify: [supervisor]
                message: "投诉 ${instance.id} 受理后30分钟无人接单，已自动升级"
              - event: escalate
          on:
            accept:   { to: handling, by: [specialist] }
            escalate: { to: handling, by: [supervisor], assign: supervisor, set: { escalated: "true" } }

        handling:
          label: 处理中
          assign: specialist
          on:
            contact_customer:                 # 记录一次与客户的沟通，状态不变
              to: handling
              by: [specialist, supervisor]
              note: required
              set: { contacts: "contacts + 1" }
            wait_customer:
              to: waiting_customer
              by: [specialist, supervisor]
              note: required
            resolve:
              to: revisit
              by: [specialist, supervisor]
              require: [resolution]
              if:
                expr: '!urgent || "supervisor" in actor.roles'
                message: 紧急投诉的处理结果须由客服主管确认后办结
              note: optional

        waiting_customer:
          label: 等待客户答复
          deadline:
            name: customer_reply_3d
            within: 3d
            warn:
              before: 1d
              notify: [specialist]
              message: "投诉 ${instance.id} 已等待客户答复2天，请再次联系 ${customer}"
            breach:
              - notify: [supervisor]
                message: "投诉 ${instance.id} 等待客户答复已超过3天"
          on:
            resume: { to: handling, by: [specialist, supervisor], note: optional }

        revisit:
          label: 待回访
          assign: specialist
          deadline:
            name: revisit_48h
            within: 48h
            breach:
              - notify: [supervisor]
                message: "投诉 ${instance.id} 办结48小时内未完成回访"
          on:
            record_visit:
              by: [specialist, supervisor]
              require: [satisfaction]
              set: { visit_at: "now" }
              note: optional
              to:
                - if: satisfaction == "unsatisfied"
                  to: supervisor_revisit
                - to: closed

        supervisor_revisit:
          label: 主管二次回访
          assign: supervisor
          on:
            close:  { to: closed, by: [supervisor], note: required }
            reopen: { to: handling, by: [supervisor], assign: specialist, note: required }

        closed:
          label: 已结案
          final: true
      """#
    ),
    (
      "workflows/paid_service.yaml",
      #"""
      # 有偿服务：同一名客服专员从报价跟到完工（每个状态都由 specialist 负责，受理人全程持有）。
      # 申请 → 报价 → 客户确认或拒绝 → 登记收款 → 施工 → 完工确认 → 结案。先收款，后施工。
      workflow: paid_service
      title: 有偿服务
      version: 1
      prefix: SRV

      roles:
        specialist: 客服专员
        supervisor: 客服主管
        manager: 客服经理
        maintenance: 维修工程师

      fields:
        customer:       { type: string, required: true, label: 客户 }
        phone:          { type: string, label: 联系电话 }
        unit:           { type: string, label: 商铺号 }
        service:        { type: enum, values: [cleaning, moving, installation, electrical, advertising, venue_rental, other], required: true, label: 服务项目 }
        description:    { type: text, required: true, label: 服务需求 }
        quote_no:       { type: string, label: 报价单号 }
        amount:         { type: number, min: 0, label: 报价金额（元） }
        decline_reason: { type: text, label: 客户拒绝原因 }
        paid:           { type: bool, default: false, label: 已收款 }
        paid_amount:    { type: number, min: 0, label: 实收金额（元） }
        payment_method: { type: enum, values: [cash, bank_transfer, wechat_pay, alipay, card], label: 付款方式 }
        receipt_no:     { type: string, label: 收据号 }
        scheduled_at:   { type: datetime, label: 预约施工时间 }
        work_summary:   { type: text, label: 完工说明 }
        satisfaction:   { type: enum, values: [satisfied, neutral, unsatisfied], label: 客户满意度 }

      initial: requested

      deadlines:
        service_7d:
          label: 7天内完成服务
          within: 7d
          start: created
          stop: [completed, closed, declined, cancelled]
          pause: [quoted]                        # 等客户确认报价的时间不计入
          warn:
            before: 1d
            notify: [specialist]
            message: "有偿服务 ${instance.id}（${customer}）距7天完成时限还剩1天"
          breach:
            - notify: [supervisor, manager]
              message: "有偿服务 ${instance.id}（${customer}）超过7天未完成"

      states:
        requested:
          label: 已申请
          assign: specialist
          deadline:
            name: quote_4h
            within: 4h
            breach:
              - notify: [supervisor]
                message: "有偿服务 ${instance.id} 申请后4小时内未报价"
          on:
            quote:
              to: quoted
              by: [specialist]
              require: [amount, quote_no]
              if:
                expr: amount > 0.0
                message: 报价金额必须大于0元
            cancel: { to: cancelled, by: [specialist, supervisor], note: required }

        quoted:
          label: 已报价待客户确认
          assign: specialist
          deadline:
            name: customer_decision_3d
            within: 3d
            warn:
              before: 1d
              notify: [specialist]
              message: "请跟进 ${customer} 是否接受报价 ${quote_no}（${string(amount)} 元）"
            breach:
              - event: expire
          on:
            accept:  { to: accepted, by: [specialist], require: [scheduled_at], note: optional }
            decline: { to: declined, by: [specialist], require: [decline_reason] }
            expire:  { to: declined, by: [supervisor], set: { decline_reason: '"客户3天内未确认报价"' } }

        accepted:
          label: 已确认待收款
          assign: specialist
          on:
            record_payment:                       # 收款后仍在本状态，等待安排施工
              to: accepted
              by: [specialist]
              require: [paid_amount, payment_method, receipt_no]
              if:
                expr: paid_amount >= amount
                message: 实收金额少于报价金额，不能登记为已收款
              set: { paid: "true" }
            start_work:
              to: in_progress
              by: [specialist]
              if:
                expr: paid
                message: 尚未登记收款，请先收款再安排施工
            cancel: { to: cancelled, by: [supervisor], note: required }

        in_progress:
          label: 施工中
          assign: specialist
          on:
            complete: { to: completed, by: [specialist, maintenance], require: [work_summary] }

        completed:
          label: 已完工待确认
          assign: specialist
          on:
            confirm: { to: closed, by: [specialist], require: [satisfaction] }
            redo:    { to: in_progress, by: [specialist], note: required }

        closed:
          label: 已结案
          final: true
        declined:
          label: 客户已拒绝
          final: true
        cancelled:
          label: 已取消
          final: true
      """#
    ),
    (
      "workflows/repair.yaml",
      #"""
      # 报修：商户报修与公共区域报修。客服受理并派工，维修工程师到场维修，报修人验收；
      # 验收不通过则返工。Targets (contract §8): repairs on time 98%, rework at most 5%.
      workflow: repair
      title: 报修
      version: 1
      prefix: REP

      roles:
        specialist: 客服专员
        supervisor: 客服主管
        maintenance: 维修工程师

      fields:
        kind:         { type: enum, values: [tenant, common_area], required: true, label: 报修类型 }
        requester:    { type: string, required: true, label: 报修人 }
        phone:        { type: string, label: 联系电话 }
        unit:         { type: string, required: true, label: 商铺号或区域 }          # 如 L2-015、B1停车场
        equipment:    { type: enum, values: [electrical, plumbing, hvac, lighting, elevator, door_lock, fire_safety, other], required: true, label: 设备类别 }
        description:  { type: text, required: true, label: 故障描述 }
        urgent:       { type: bool, default: false, label: 紧急 }
        due_at:       { type: datetime, label: 约定完成时间 }
        work_done:    { type: text, label: 维修内容 }
        parts:        { type: list, label: 更换配件 }
        labor:        { type: duration, label: 工时 }
        cost:         { type: number, min: 0, label: 维修费用 }
        on_time:      { type: bool, label: 按约定时间完成 }
        rework_count: { type: int, default: 0, label: 返工次数 }
        is_rework:    { type: bool, default: false, label: 返修单 }   # set by a rule (rules/)

      initial: reported

      deadlines:
        respond_2h:
          label: 2小时内到场
          within: 2h
          start: created
          stop: [on_site, waiting_parts, verification, closed, cancelled]
          warn:
            before: 30m
            notify: [maintenance]
            message: "报修 ${instance.id}（${unit}）还有30分钟到达响应时限"
          breach:
            - notify: [supervisor]
              message: "报修 ${instance.id}（${unit}）超过2小时无人到场"
        complete_24h:
          label: 24小时内修复
          within: 24h
          start: created
          stop: [verification, closed, cancelled]
          pause: [waiting_parts]               # 等待配件期间暂停计时
          warn:
            before: 4h
            notify: [maintenance, specialist]
            message: "报修 ${instance.id}（${unit}）距24小时修复时限还剩4小时"
          breach:
            - assign: supervisor
            - notify: [supervisor]
              message: "报修 ${instance.id}（${unit}）超过24小时未修复，已转客服主管跟进"

      states:
        reported:
          label: 已报修
          assign: specialist
          deadline:
            name: dispatch_15m
            within: 15m
            breach:
              - notify: [supervisor]
                message: "报修 ${instance.id} 受理15分钟内未派工"
          on:
            dispatch:
              to: dispatched
              by: [specialist, supervisor]
              assign: maintenance
              require: [due_at]
              if:
                expr: due_at > now
                message: 约定完成时间必须晚于当前时间
            cancel: { to: cancelled, by: [specialist, supervisor], note: required }

        dispatched:
          label: 已派工
          assign: maintenance
          on:
            arrive: { to: on_site, by: [maintenance] }
            cancel: { to: cancelled, by: [supervisor], note: required }

        on_site:
          label: 现场维修中
          assign: maintenance
          on:
            wait_parts: { to: waiting_parts, by: [maintenance], note: required }
            complete:
              to: verification
              by: [maintenance]
              require: [work_done]
              set: { on_time: "now <= due_at" }
              assign: specialist

        waiting_parts:
          label: 等待配件
          assign: maintenance
          on:
            parts_arrived: { to: on_site, by: [maintenance] }

        verification:
          label: 待报修人验收
          assign: specialist
          deadline:
            name: verify_3d
            within: 3d
            warn:
              before: 1d
              notify: [specialist]
              message: "报修 ${instance.id} 待 ${requester} 验收，明天将默认验收通过"
            breach:
              - event: auto_accept
          on:
            accept:      { to: closed, by: [specialist, supervisor], note: optional }
            auto_accept: { to: closed, by: [supervisor] }      # 3天未验收，默认通过（由系统触发）
            reject:
              to: rework
              by: [specialist, supervisor]
              note: required                   # 记录报修人不满意的原因
              set: { rework_count: "rework_count + 1" }
              assign: maintenance

        rework:
          label: 返工
          assign: maintenance
          deadline:
            name: rework_4h
            within: 4h
            breach:
              - notify: [supervisor]
                message: "报修 ${instance.id} 返工（第${string(rework_count)}次）4小时内无人到场"
          on:
            arrive: { to: on_site, by: [maintenance] }

        closed:
          label: 已完成
          final: true

        cancelled:
          label: 已取消
          final: true
      """#
    ),
    (
      "workflows/revisit.yaml",
      #"""
      # 回访：对已完成的报修、有偿服务等工单回访客户（由 rules/ 在工单结案时自动创建，也可手工创建）。
      # level 1 = 客服专员首次回访；level 2 = 首次回访不满意后，客服主管二次回访（由规则创建）。
      # 投诉的回访在投诉流程内完成（complaint 的 revisit / supervisor_revisit 状态）。
      # Target (contract §8): revisit rate 100%.
      workflow: revisit
      title: 回访
      version: 1
      prefix: RVT

      roles:
        specialist: 客服专员
        supervisor: 客服主管
        manager: 客服经理

      fields:
        customer:     { type: string, required: true, label: 客户 }
        phone:        { type: string, label: 联系电话 }
        source_id:    { type: string, required: true, label: 来源工单号 }      # 如 REP-000012
        source:       { type: enum, values: [complaint, repair, paid_service, other], default: other, label: 来源类型 }
        level:        { type: int, default: 1, label: 回访级别 }               # 1 首次，2 主管二次
        attempts:     { type: int, default: 0, label: 未接通次数 }
        satisfaction: { type: enum, values: [satisfied, neutral, unsatisfied], label: 满意度 }
        feedback:     { type: text, label: 客户意见 }
        visited_at:   { type: datetime, label: 回访时间 }

      initial: pending

      deadlines:
        revisit_48h:                             # 未接通重拨不会重新计时
          label: 48小时内完成回访
          within: 48h
          start: created
          stop: [done, unsatisfied, unreachable]
          warn:
            before: 8h
            notify: [specialist]
            message: "回访 ${instance.id}（${customer}，来源 ${source_id}）须在8小时内完成"
          breach:
            - notify: [supervisor]
              message: "回访 ${instance.id}（来源 ${source_id}）超过48小时未完成"

      states:
        pending:
          label: 待回访
          assign: specialist
          on:
            record_visit:
              by: [specialist, supervisor]
              require: [satisfaction]
              set: { visited_at: "now" }
              note: optional
              to:
                - if: satisfaction == "unsatisfied"
                  to: unsatisfied
                - to: done
            no_answer:                           # 未接通，稍后再打
              to: pending
              by: [specialist, supervisor]
              set: { attempts: "attempts + 1" }
            unreachable:
              to: unreachable
              by: [specialist, supervisor]
              note: required
              if:
                expr: attempts >= 3
                message: 至少拨打3次未接通后才能记为无法联系

        done:
          label: 已回访
          final: true
        unsatisfied:
          label: 回访不满意
          final: true
        unreachable:
          label: 无法联系
          final: true
      """#
    ),
    (
      "workflows/survey.yaml",
      #"""
      # 满意度调查：发放 → 收集 → 催收 → 已回复 / 未回复。截止前提醒催收；低分问卷转主管跟进。
      # Targets (contract §8): survey coverage 100%, response rate 95%.
      workflow: survey
      title: 满意度调查
      version: 1
      prefix: SUR

      roles:
        specialist: 客服专员
        supervisor: 客服主管

      fields:
        respondent:      { type: string, required: true, label: 受访对象 }
        respondent_type: { type: enum, values: [tenant, shopper], required: true, label: 受访类型 }
        unit:            { type: string, label: 商铺号 }
        phone:           { type: string, label: 联系电话 }
        period:          { type: string, required: true, label: 调查批次 }     # 如 2026Q1
        channel:         { type: enum, values: [paper, phone, wechat, online], label: 发放方式 }
        issued_on:       { type: date, label: 发放日期 }
        issued_at:       { type: datetime, label: 发放时间 }
        chase_count:     { type: int, default: 0, label: 催收次数 }
        score:           { type: int, label: 总体评分（1-5） }
        comments:        { type: text, label: 意见和建议 }
        topics:          { type: list, label: 关注事项 }

      initial: draft

      deadlines:
        response_7d:
          label: 7天内回收
          within: 7d
          start: [collecting]                    # 发放后开始计时
          stop: [responded, follow_up, no_response, cancelled]
          warn:
            before: 2d
            notify: [specialist]
            message: "问卷 ${instance.id}（${respondent}）将于2天后截止，请催收"
          breach:
            - event: expire
            - notify: [supervisor]
              message: "问卷 ${instance.id}（${respondent}）7天未回收，已记为未回复"

      states:
        draft:
          label: 待发放
          assign: specialist
          on:
            issue:
              to: collecting
              by: [specialist]
              require: [channel]
              set: { issued_at: "now" }
            cancel: { to: cancelled, by: [specialist, supervisor], note: required }

        collecting:
          label: 收集中
          assign: specialist
          on:
            respond:                             # 任何本流程角色都可登记回复
              require: [score]
              if:
                expr: score >= 1 && score <= 5
                message: 评分必须在1到5之间
              to:
                - if: score <= 2
                  to: follow_up
                - to: responded
            chase:
              to: chasing
              by: [specialist]
              note: optional
              set: { chase_count: "chase_count + 1" }
            expire: { to: no_response, by: [supervisor] }

        chasing:
          label: 催收中
          assign: specialist
          on:
            respond:
              require: [score]
              if:
                expr: score >= 1 && score <= 5
                message: 评分必须在1到5之间
              to:
                - if: score <= 2
                  to: follow_up
                - to: responded
            chase:
              to: chasing
              by: [specialist]
              note: optional
              set: { chase_count: "chase_count + 1" }
            give_up:
              to: no_response
              by: [specialist, supervisor]
              note: required
              if:
                expr: chase_count >= 2
                message: 至少催收两次后才能记为未回复
            expire: { to: no_response, by: [supervisor] }

        follow_up:
          label: 低分跟进
          assign: supervisor
          on:
            close: { to: responded, by: [supervisor], note: required }

        responded:
          label: 已回复
          final: true
        no_response:
          label: 未回复
          final: true
        cancelled:
          label: 已取消
          final: true
      """#
    ),
    (
      "staff.yaml",
      #"""
      # 客服中心示例团队（商业物业 / 购物中心）
      # Each entry: user id (used with --as) -> display name and the roles this person holds.
      # Role ids are the ones the workflows declare under `roles:`.
      staff:
        li.wei:     { name: 李伟, roles: [specialist] }
        zhang.min:  { name: 张敏, roles: [specialist] }
        chen.jing:  { name: 陈静, roles: [specialist] }
        zhou.yan:   { name: 周燕, roles: [specialist] }
        wang.fang:  { name: 王芳, roles: [supervisor, specialist] }
        zhao.lei:   { name: 赵磊, roles: [maintenance] }
        sun.qiang:  { name: 孙强, roles: [maintenance] }
        wu.hao:     { name: 吴浩, roles: [maintenance] }
        liu.yang:   { name: 刘洋, roles: [manager, supervisor] }
      """#
    ),
    (
      "docket.yaml",
      #"""
      # 本物业客服中心的全局设置
      # Times in instance files and in `docket show` are written with this zone's offset.
      timezone: Asia/Shanghai
      """#
    ),
    (
      "rules/property.yaml",
      #"""
      # 物业客服规则（草案，按 contract §4 编写；规则引擎由另一议题实现，届时以 docket validate 为准）。
      # Rules run as `system`, in file-name order and then in the order below, and see the ticket
      # after the change that triggered them.
      rules:
        - id: closed-repair-gets-revisit
          description: 报修完成后，由客服专员回访报修人
          on: transition
          workflow: repair
          to: closed
          then:
            - start: revisit
              fields:
                customer: requester
                phone: phone
                source_id: instance.id
                source: '"repair"'
                level: "1"
              assign: specialist

        # 投诉的首次回访和主管二次回访在投诉流程内完成（workflows/complaint.yaml 的 revisit、
        # supervisor_revisit 状态），办结的投诉不可能绕过回访，所以这里不再另建回访单。

        - id: unsatisfied-visit-goes-to-supervisor
          description: 首次回访不满意的，由客服主管二次回访
          on: transition
          workflow: revisit
          event: record_visit
          if: satisfaction == "unsatisfied" && level == 1
          then:
            - start: revisit
              fields:
                customer: customer
                phone: phone
                source_id: source_id
                source: source
                level: "level + 1"
              assign: supervisor
            - notify: [supervisor]
              message: "二次回访: ${instance.id}（${customer}，来源 ${source_id}）首次回访不满意"

        - id: second-visit-still-unsatisfied
          description: 主管二次回访仍不满意的，报客服经理
          on: transition
          workflow: revisit
          event: record_visit
          if: satisfaction == "unsatisfied" && level >= 2
          then:
            - notify: [manager]
              message: "回访 ${instance.id}（${customer}，来源 ${source_id}）二次回访仍不满意，请经理关注"

        - id: complaint-24h-breach-to-manager
          description: 投诉超过24小时未处理完毕：流程已转客服主管并通知；同时报客服经理
          on: breach
          workflow: complaint
          deadline: handle_24h
          then:
            - assign: supervisor
            - notify: [manager]
              message: "投诉 ${instance.id}（${customer}）超过24小时未处理完毕，已由客服主管接手"

        - id: paid-service-stays-with-specialist
          description: 有偿服务从报价到完工由同一名客服专员跟进；被转给其他角色时交回客服专员并告知主管
          on: transition
          workflow: paid_service
          if: instance.assignee.role != "specialist"
          then:
            - assign: specialist
            - notify: [supervisor]
              message: "有偿服务 ${instance.id} 已交回客服专员跟进"
      """#
    ),
  ]
}
