namespace PropertyCrm.Schema.Tables;

/// <summary>
/// Service request (报事报修): <c>pcrm_servicerequest</c>. A repair, complaint, inquiry… from an owner, with
/// its lifecycle (status reason), first-contact owner (首问负责制) and two SLA clocks: first response and
/// resolution. Each clock's columns share a prefix: <c>pcrm_fr…</c> and <c>pcrm_res…</c>.
/// </summary>
public static class ServiceRequestTable
{
    public const string LogicalName = "pcrm_servicerequest";

    public const string EntitySetName = "pcrm_servicerequests";

    public const string PrimaryId = "pcrm_servicerequestid";

    public const string PrimaryName = "pcrm_name";

    public static class Columns
    {
        /// <summary>Title (标题). Text (200). Required.</summary>
        public const string Name = "pcrm_name";

        /// <summary>Description (描述): what the owner reported. Multiline text (4000).</summary>
        public const string Description = "pcrm_description";

        /// <summary>Request type (类型). Choice <see cref="OptionSets.RequestType"/>. Required.</summary>
        public const string RequestType = "pcrm_requesttype";

        /// <summary>Service line (服务条线, 四保一服). Choice <see cref="OptionSets.ServiceLine"/>.</summary>
        public const string ServiceLine = "pcrm_serviceline";

        /// <summary>Channel (渠道). Choice <see cref="OptionSets.Channel"/>.</summary>
        public const string Channel = "pcrm_channel";

        /// <summary>Urgency (紧急程度). Choice <see cref="OptionSets.Urgency"/>. Set from the text unless overridden.</summary>
        public const string Urgency = "pcrm_urgency";

        /// <summary>Urgency set by agent (人工指定紧急程度). Yes/No: the agent's choice wins over keyword detection.</summary>
        public const string UrgencyOverridden = "pcrm_urgencyoverridden";

        /// <summary>Property (项目). Lookup pcrm_property. Required: it selects the SLA policies and escalation recipients.</summary>
        public const string Property = "pcrm_propertyid";

        /// <summary>Unit (房屋). Lookup pcrm_unit.</summary>
        public const string Unit = "pcrm_unitid";

        /// <summary>Reported by (报事人). Lookup contact.</summary>
        public const string Contact = "pcrm_contactid";

        /// <summary>First-contact owner (首问负责人). Lookup systemuser: whoever took the request follows it to the end.</summary>
        public const string FirstContactOwner = "pcrm_firstcontactownerid";

        /// <summary>Owner tier at logging (业主等级), text code; selects tier-specific SLA policies.</summary>
        public const string OwnerTier = "pcrm_ownertier";

        /// <summary>Owner living alone at logging (独居老人业主). Yes/no, copied from the contact with the tier; raises urgency (<c>LivingAloneUrgency</c>).</summary>
        public const string OwnerLivesAlone = "pcrm_ownerlivesalone";

        /// <summary>Valid complaint (有效投诉). Yes/No, set by the quality department only (field-secured: <see cref="FieldSecurityProfiles.ComplaintDecision"/>).</summary>
        public const string ValidComplaint = "pcrm_validcomplaint";

        /// <summary>Complaint cause (投诉原因). Choice <see cref="OptionSets.ComplaintCause"/>. Complaints only; required to resolve one.</summary>
        public const string ComplaintCause = "pcrm_complaintcause";

        /// <summary>Responsible department (责任部门). Choice <see cref="OptionSets.Department"/>. Complaints only.</summary>
        public const string ResponsibleDepartment = "pcrm_responsibledepartment";

        /// <summary>Valid complaint reason (有效投诉判定理由). Multiline text (2000). Required when the complaint is judged valid.
        /// Field-secured: set by the quality department (<see cref="FieldSecurityProfiles.ComplaintDecision"/>).</summary>
        public const string ValidComplaintReason = "pcrm_validcomplaintreason";

        /// <summary>Valid complaint decided on (判定时间). Stamped by the system when the decision is set. Field-secured.</summary>
        public const string ValidComplaintDecidedOn = "pcrm_validcomplaintdecidedon";

        /// <summary>Valid complaint decided by (判定人). Lookup systemuser, stamped by the system. Field-secured.</summary>
        public const string ValidComplaintDecidedBy = "pcrm_validcomplaintdecidedbyid";

        /// <summary>Escalated outside (外部升级渠道): 12345, housing authority, media. Choice <see cref="OptionSets.ExternalChannel"/>; empty = not escalated. Complaints only.</summary>
        public const string EscalatedOutside = "pcrm_escalatedoutside";

        /// <summary>Work done (维修记录 / 处理结果). Multiline text (4000): the resolution notes a repair needs to be resolved.</summary>
        public const string WorkDone = "pcrm_workdone";

        /// <summary>Materials used (使用材料). Multiline text (2000): item and quantity, one per line.</summary>
        public const string Materials = "pcrm_materials";

        /// <summary>Accepted on (受理时间).</summary>
        public const string AcceptedOn = "pcrm_acceptedon";

        /// <summary>Dispatched on (派工时间).</summary>
        public const string DispatchedOn = "pcrm_dispatchedon";

        /// <summary>Arrived on (到场时间).</summary>
        public const string ArrivedOn = "pcrm_arrivedon";

        /// <summary>Resolved on (解决时间).</summary>
        public const string ResolvedOn = "pcrm_resolvedon";

        /// <summary>Closed on (关闭时间).</summary>
        public const string ClosedOn = "pcrm_closedon";

        /// <summary>Follow-up on (回访时间): closing requires it.</summary>
        public const string FollowUpOn = "pcrm_followupon";

        /// <summary>Follow-up by (回访人). Lookup systemuser.</summary>
        public const string FollowUpBy = "pcrm_followupbyid";

        /// <summary>Satisfaction (满意度). Choice <see cref="OptionSets.Satisfaction"/>.</summary>
        public const string Satisfaction = "pcrm_satisfaction";

        /// <summary>Follow-up notes (回访记录). Multiline text (2000).</summary>
        public const string FollowUpNotes = "pcrm_followupnotes";

        /// <summary>Response minutes (响应时长(分钟)): whole wall-clock minutes (24x7) from logging to 受理, the first response's
        /// completion; written by the SLA step, refused on a direct save. Whole number; the base of KPI 0 平均响应时长.</summary>
        public const string ResponseMinutes = "pcrm_responseminutes";

        /// <summary>Reopen count (返工次数): times a 回访 found the request not fixed and reopened it. Whole number.</summary>
        public const string ReopenCount = "pcrm_reopencount";

        /// <summary>First-time fix (一次解决). Yes/No: closed with no reopen.</summary>
        public const string FirstTimeFix = "pcrm_firsttimefix";

        /// <summary>First-contact resolution (首次接触解决). Yes/No: resolved straight from 已受理 by the agent who accepted it.</summary>
        public const string FirstContactResolution = "pcrm_firstcontactresolution";

        /// <summary>Last follow-up (最近回访): the 回访 of the latest resolution. Lookup pcrm_followup.</summary>
        public const string LastFollowUp = "pcrm_lastfollowupid";

        /// <summary>Locked on (锁定时间): when a status change last took the request's row lock (system-maintained). Date and time.</summary>
        public const string LockedOn = "pcrm_lockedon";

        /// <summary>Repeat of (重复报事): the earlier request for the same unit and service line within 30 days. Lookup pcrm_servicerequest.</summary>
        public const string RepeatOf = "pcrm_repeatofid";

        /// <summary>Repeat count (重复次数): earlier requests for the same unit and service line within 30 days.</summary>
        public const string RepeatCount = "pcrm_repeatcount";

        /// <summary>SLA policy (SLA 策略): name of the policy that set the targets.</summary>
        public const string SlaPolicyName = "pcrm_slapolicyname";

        /// <summary>SLA started on (SLA 开始时间): when the clocks started (the request was logged).</summary>
        public const string SlaStartedOn = "pcrm_slastartedon";

        /// <summary>Paused on (暂停时间): set while the request waits on the owner.</summary>
        public const string PausedOn = "pcrm_pausedon";

        /// <summary>Next escalation on (下次升级时间): the earliest instant an escalation rung is due; the sweep's index.</summary>
        public const string NextEscalationOn = "pcrm_nextescalationon";

        /// <summary>Escalation level (升级级别): highest rung raised so far. Choice <see cref="OptionSets.EscalationLevel"/>.</summary>
        public const string EscalationLevel = "pcrm_escalationlevel";

        /// <summary>First response target (首次响应时限, minutes). Whole number.</summary>
        public const string FirstResponseTargetMinutes = "pcrm_frtargetminutes";

        /// <summary>First response calendar (首次响应日历). Text (50).</summary>
        public const string FirstResponseCalendar = "pcrm_frcalendar";

        /// <summary>First response warning at (首次响应预警时间).</summary>
        public const string FirstResponseWarningOn = "pcrm_frwarningon";

        /// <summary>First response due (首次响应截止时间).</summary>
        public const string FirstResponseDueOn = "pcrm_frdueon";

        /// <summary>First response met on (首次响应达成时间).</summary>
        public const string FirstResponseMetOn = "pcrm_frmeton";

        /// <summary>First response breached on (首次响应超时时间).</summary>
        public const string FirstResponseBreachedOn = "pcrm_frbreachedon";

        /// <summary>First response SLA status (首次响应状态). Choice <see cref="OptionSets.SlaStatus"/>.</summary>
        public const string FirstResponseStatus = "pcrm_frstatus";

        /// <summary>First response paused minutes (首次响应暂停分钟): working minutes spent waiting on the owner.</summary>
        public const string FirstResponsePausedMinutes = "pcrm_frpausedminutes";

        /// <summary>Resolution target (解决时限, minutes). Whole number.</summary>
        public const string ResolutionTargetMinutes = "pcrm_restargetminutes";

        /// <summary>Resolution calendar (解决日历). Text (50).</summary>
        public const string ResolutionCalendar = "pcrm_rescalendar";

        /// <summary>Resolution warning at (解决预警时间).</summary>
        public const string ResolutionWarningOn = "pcrm_reswarningon";

        /// <summary>Resolution due (解决截止时间).</summary>
        public const string ResolutionDueOn = "pcrm_resdueon";

        /// <summary>Resolution met on (解决达成时间).</summary>
        public const string ResolutionMetOn = "pcrm_resmeton";

        /// <summary>Resolution breached on (解决超时时间).</summary>
        public const string ResolutionBreachedOn = "pcrm_resbreachedon";

        /// <summary>Resolution SLA status (解决状态). Choice <see cref="OptionSets.SlaStatus"/>.</summary>
        public const string ResolutionStatus = "pcrm_resstatus";

        /// <summary>Resolution paused minutes (解决暂停分钟).</summary>
        public const string ResolutionPausedMinutes = "pcrm_respausedminutes";

        /// <summary>On-site / initial handling target (到场时限, minutes): 到场 for repairs and emergencies, 初步处理 for complaints. Whole number.</summary>
        public const string OnSiteTargetMinutes = "pcrm_ostargetminutes";

        /// <summary>On-site calendar (到场日历). Text (50).</summary>
        public const string OnSiteCalendar = "pcrm_oscalendar";

        /// <summary>On-site warning at (到场预警时间).</summary>
        public const string OnSiteWarningOn = "pcrm_oswarningon";

        /// <summary>On-site due (到场截止时间).</summary>
        public const string OnSiteDueOn = "pcrm_osdueon";

        /// <summary>On-site met on (到场达成时间).</summary>
        public const string OnSiteMetOn = "pcrm_osmeton";

        /// <summary>On-site breached on (到场超时时间).</summary>
        public const string OnSiteBreachedOn = "pcrm_osbreachedon";

        /// <summary>On-site SLA status (到场状态). Choice <see cref="OptionSets.SlaStatus"/>.</summary>
        public const string OnSiteStatus = "pcrm_osstatus";

        /// <summary>On-site paused minutes (到场暂停分钟).</summary>
        public const string OnSitePausedMinutes = "pcrm_ospausedminutes";

        /// <summary>Owner: the assigned user or team (派单对象).</summary>
        public const string OwnerId = "ownerid";

        /// <summary>Status: 0 active, 1 inactive.</summary>
        public const string StateCode = "statecode";

        /// <summary>Status reason: see <see cref="StatusReasons"/>.</summary>
        public const string StatusCode = "statuscode";

        public const string CreatedOn = "createdon";

        public const string ModifiedOn = "modifiedon";
    }

    /// <summary>Status (statecode) values.</summary>
    public static class States
    {
        public const int Active = 0;
        public const int Inactive = 1;
    }

    /// <summary>Status reason (statuscode) values: the request lifecycle. 1 and 2 are the platform's defaults, relabelled.</summary>
    public static class StatusReasons
    {
        /// <summary>新建 New (active).</summary>
        public const int New = 1;

        /// <summary>已受理 Accepted (active): first response given.</summary>
        public const int Accepted = 548210000;

        /// <summary>已派工 Dispatched (active).</summary>
        public const int Dispatched = 548210001;

        /// <summary>处理中 In progress (active).</summary>
        public const int InProgress = 548210002;

        /// <summary>待业主确认 Waiting on owner (active): the clocks pause.</summary>
        public const int WaitingOnOwner = 548210003;

        /// <summary>已解决 Resolved (active): awaiting follow-up.</summary>
        public const int Resolved = 548210004;

        /// <summary>已关闭 Closed (inactive): followed up.</summary>
        public const int Closed = 2;

        /// <summary>已取消 Cancelled (inactive).</summary>
        public const int Cancelled = 548210005;
    }

    public static class Relationships
    {
        public const string Property = "pcrm_servicerequest_property";
        public const string Unit = "pcrm_servicerequest_unit";
        public const string Contact = "pcrm_servicerequest_contact";
        public const string FirstContactOwner = "pcrm_servicerequest_firstcontactowner";
        public const string FollowUpBy = "pcrm_servicerequest_followupby";
        public const string RepeatOf = "pcrm_servicerequest_repeatof";
        public const string ValidComplaintDecidedBy = "pcrm_servicerequest_validcomplaintdecidedby";
        public const string LastFollowUp = "pcrm_servicerequest_lastfollowup";
    }

    /// <summary>MaxLength of the text columns code writes, named as in <see cref="Columns"/> and equal to Entity.xml (a test holds them);
    /// code cuts free text to them with ColumnText.Fit and refuses identities longer than them.</summary>
    public static class MaxLengths
    {
        public const int SlaPolicyName = 100;

        public const int FirstResponseCalendar = 50;

        public const int ResolutionCalendar = 50;

        public const int OnSiteCalendar = 50;

        public const int FollowUpNotes = 2000;
    }
}
