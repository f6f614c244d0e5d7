namespace PropertyCrm.Domain.Sla;

/// <summary>The 四保一服 service lines. Persisted: never renumber.</summary>
public enum ServiceLine
{
    /// <summary>保安.</summary>
    Security = 0,

    /// <summary>保洁.</summary>
    Cleaning = 1,

    /// <summary>保绿.</summary>
    Greenery = 2,

    /// <summary>保修.</summary>
    Maintenance = 3,

    /// <summary>客户服务.</summary>
    CustomerService = 4,
}
