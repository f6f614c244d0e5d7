using System.Collections.Generic;

namespace PropertyCrm.Domain.Sla;

/// <summary>
/// The default phrases that mark a request urgent or an emergency, as data: admins will extend the list in
/// Dataverse, and the detector takes any list.
/// </summary>
/// <remarks>
/// Chosen to miss as few real emergencies as possible, accepting some false alarms: a false emergency costs an
/// agent one click to override, a missed one leaves a family without water or a neighbour in a lift.
/// Deliberately absent: a bare "火" (it would flag 防火门 fire doors, 火锅, 火车), a bare "燃气"/"煤气" (it would flag
/// 燃气费 gas bills), "漏气" alone (tyres, air conditioners) and "120" (a room number as often as the ambulance).
/// Ordinary "尽快 as soon as possible" is in nearly every request and would make everything urgent.
/// </remarks>
public static class UrgencyKeywords
{
    public static IReadOnlyList<UrgencyKeyword> Default { get; } = new[]
    {
        Emergency("漏水", "water 水"),
        Emergency("跑水", "water 水"),
        Emergency("爆管", "water 水"),
        Emergency("水管爆", "water 水"),
        Emergency("渗水", "water 水"),
        Emergency("水漫", "water 水"),
        Emergency("淹水", "water 水"),
        Emergency("停电", "power 电"),
        Emergency("断电", "power 电"),
        Emergency("漏电", "power 电"),
        Emergency("触电", "power 电"),
        Emergency("电梯困人", "lift 电梯"),
        Emergency("困梯", "lift 电梯"),
        Emergency("困在电梯", "lift 电梯"),
        Emergency("被困电梯", "lift 电梯"),
        Emergency("关在电梯", "lift 电梯"),
        Emergency("燃气泄漏", "gas 燃气"),
        Emergency("煤气泄漏", "gas 燃气"),
        Emergency("天然气泄漏", "gas 燃气"),
        Emergency("燃气漏", "gas 燃气"),
        Emergency("煤气漏", "gas 燃气"),
        Emergency("燃气味", "gas 燃气"),
        Emergency("煤气味", "gas 燃气"),
        Emergency("天然气味", "gas 燃气"),
        Emergency("着火", "fire 火"),
        Emergency("起火", "fire 火"),
        Emergency("失火", "fire 火"),
        Emergency("火灾", "fire 火"),
        Emergency("火警", "fire 火"),
        Emergency("冒烟", "fire 火"),
        Emergency("明火", "fire 火"),
        Emergency("老人摔倒", "medical 急救"),
        Emergency("摔倒", "medical 急救"),
        Emergency("跌倒", "medical 急救"),
        Emergency("晕倒", "medical 急救"),
        Emergency("昏倒", "medical 急救"),
        Emergency("昏迷", "medical 急救"),
        Emergency("紧急呼叫", "medical 急救"),
        Emergency("一键呼叫", "medical 急救"),
        Emergency("救命", "medical 急救"),
        Emergency("急救", "medical 急救"),
        Urgent("停水", "water 水"),
        Urgent("堵塞", "drain 下水"),
        Urgent("反水", "drain 下水"),
        Urgent("紧急", "stated 自述"),
        Urgent("加急", "stated 自述"),
    };

    private static UrgencyKeyword Emergency(string phrase, string category) => new UrgencyKeyword(phrase, Urgency.Emergency, category);

    private static UrgencyKeyword Urgent(string phrase, string category) => new UrgencyKeyword(phrase, Urgency.Urgent, category);
}
