namespace PropertyCrm.Domain.Owners;

/// <summary>
/// Purposes that need their own consent under PIPL (个人信息保护法): marketing may not ride on a general
/// consent, and sensitive personal information (ID numbers, financial accounts, health data for elderly
/// care…) needs a separate one.
/// </summary>
public enum ConsentPurpose
{
    Marketing,
    SensitiveData,
}
