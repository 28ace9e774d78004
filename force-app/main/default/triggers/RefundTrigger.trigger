trigger RefundTrigger on Refund__c(before insert, before update) {
    RefundTriggerHandler.handle(Trigger.new, Trigger.oldMap);
}
