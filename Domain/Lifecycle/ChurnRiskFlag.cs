namespace PropertyCrm.Domain.Lifecycle;

/// <summary>A raised churn-risk signal and the China date its condition first became true.</summary>
public sealed record ChurnRiskFlag(ChurnRiskFlagKind Kind, PropertyCrm.Domain.Loyalty.ChinaDate RaisedOn, string Reason);
