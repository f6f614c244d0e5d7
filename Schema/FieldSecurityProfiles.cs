namespace PropertyCrm.Schema;

/// <summary>
/// Field security profiles the solution ships (Other/FieldSecurityProfiles.xml). A secured column (IsSecured 1) can be
/// read, set on create or updated only by users and teams added to a profile granting it (Microsoft Learn,
/// "Column-level security"); profiles are assigned to users or teams, not to security roles.
/// </summary>
public static class FieldSecurityProfiles
{
    /// <summary>
    /// 品质部 投诉判定: read, set and change the valid-complaint decision (有效投诉, its reason, decided on, decided by).
    /// The admin adds the quality department's team (or its analysts) to it.
    /// </summary>
    public const string ComplaintDecision = "PCRM 品质部投诉判定 Complaint Decision";

    /// <summary>投诉判定查看: read the valid-complaint decision only: property managers, customer-service leads.</summary>
    public const string ComplaintDecisionReaders = "PCRM 投诉判定查看 Complaint Decision Readers";
}
