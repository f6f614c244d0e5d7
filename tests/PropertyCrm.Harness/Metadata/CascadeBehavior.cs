namespace PropertyCrm.Harness.Metadata;

/// <summary>
/// Dataverse's CascadeType, as a relationship's CascadeDelete / CascadeAssign / CascadeShare elements spell it in a
/// solution export ("Configure table relationship cascading behavior" on Microsoft Learn). Delete accepts Cascade,
/// RemoveLink and Restrict; Assign and Share accept Cascade, Active, UserOwned and NoCascade.
/// </summary>
public enum CascadeBehavior
{
    NoCascade,
    Cascade,
    Active,
    UserOwned,
    RemoveLink,
    Restrict,
}
