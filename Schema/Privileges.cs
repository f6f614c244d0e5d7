namespace PropertyCrm.Schema;

/// <summary>
/// Privilege names the Custom APIs require (<c>executeprivilegename</c>). Dataverse offers no supported way to create a
/// privilege, so each is an existing table privilege whose holders are exactly the people who should run the API
/// (Microsoft Learn, "Create and use custom APIs › Secure your custom API with a privilege"). Several APIs write as
/// SYSTEM, so who may call them is decided here and by the security roles that hold these privileges.
/// </summary>
public static class Privileges
{
    /// <summary>Write on SLA policies: PCRM 管理员 Admin only. Who tunes the SLA configuration runs its sweep.</summary>
    public const string ConfigureSla = "prvWritepcrm_slapolicy";

    /// <summary>Write on the tier policy: PCRM 管理员 Admin only. Who sets the owner-standing rules (tiers, review cycle,
    /// points expiry) runs the sweeps that apply them: tier review, points expiry, lifecycle review.</summary>
    public const string ConfigureLoyalty = "prvWritepcrm_tierpolicy";

    /// <summary>Create on the points ledger: held by PCRM 管理员 Admin only (users still cannot create entries directly —
    /// the ledger guard refuses them), so it means "may post points": award and reverse.</summary>
    public const string PostPoints = "prvCreatepcrm_pointsentry";

    /// <summary>Create on redemptions: 客服专员 agents and admins redeem for owners.</summary>
    public const string Redeem = "prvCreatepcrm_redemption";

    /// <summary>Write on fee payments: 项目经理 property managers and admins, who record and correct the payments a tier
    /// is computed from, may ask for an owner's tier to be recomputed from them.</summary>
    public const string CorrectFeeStanding = "prvWritepcrm_feepayment";

    /// <summary>Read on business calendars: every PCRM role. A deadline is derived from the calendars, so whoever may
    /// read them may compute one (the calendar cache is shared between callers; this keeps it from answering others).</summary>
    public const string ReadCalendars = "prvReadpcrm_businesscalendar";

    /// <summary>Write on KPI targets: PCRM 管理员 Admin only. Who sets the KPI targets runs the nightly KPI snapshot.</summary>
    public const string ConfigureKpis = "prvWritepcrm_kpitarget";
    /// <summary>Write on 回访 follow-ups: 客服专员 agents (their business unit), 项目经理 property managers and supervisors (their
    /// unit and below) and admins — whoever may record a 回访 on its form may record it through <c>pcrm_RecordFollowUp</c>,
    /// which then writes it as the caller, so the same row-level access applies. Technicians hold no 回访 privileges.</summary>
    public const string RecordFollowUp = "prvWritepcrm_followup";
    /// <summary>Delete on contacts: PCRM 管理员 Admin only. Who may erase an owner (PIPL art. 47) answers the owner's other
    /// data-subject requests too: the export of everything held about them (art. 45).</summary>
    public const string ServeDataSubjectRequests = "prvDeleteContact";
}
