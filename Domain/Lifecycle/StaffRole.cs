namespace PropertyCrm.Domain.Lifecycle;

/// <summary>Who a suggested action is for.</summary>
public enum StaffRole
{
    /// <summary>管家: the owner's butler.</summary>
    Butler = 1,

    /// <summary>服务中心负责人/经理: the service-centre head (manager).</summary>
    ServiceCentreManager = 2,
}
