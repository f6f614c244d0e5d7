namespace PropertyCrm.Schema;

/// <summary>
/// Privilege names the Custom APIs require (<c>executeprivilegename</c>). The loyalty APIs write the ledger and
/// balances as SYSTEM, so who may call them is decided here and by the security roles that hold these privileges.
/// </summary>
public static class Privileges
{
    /// <summary>Create on the points ledger: held by PCRM 管理员 Admin only (users still cannot create entries directly —
    /// the ledger guard refuses them), so it means "may post points": award, reverse, run the loyalty sweeps.</summary>
    public const string PostPoints = "prvCreatepcrm_pointsentry";

    /// <summary>Create on redemptions: 客服专员 agents and admins redeem for owners.</summary>
    public const string Redeem = "prvCreatepcrm_redemption";
}
