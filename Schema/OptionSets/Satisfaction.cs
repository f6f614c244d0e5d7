namespace PropertyCrm.Schema.OptionSets;

/// <summary>Global choice Satisfaction (满意度), five levels.</summary>
public static class Satisfaction
{
    public const string Name = "pcrm_satisfaction";

    /// <summary>非常不满意 / Very dissatisfied</summary>
    public const int VeryDissatisfied = 548210000;

    /// <summary>不满意 / Dissatisfied</summary>
    public const int Dissatisfied = 548210001;

    /// <summary>一般 / Neutral</summary>
    public const int Neutral = 548210002;

    /// <summary>满意 / Satisfied</summary>
    public const int Satisfied = 548210003;

    /// <summary>非常满意 / Very satisfied</summary>
    public const int VerySatisfied = 548210004;
}
