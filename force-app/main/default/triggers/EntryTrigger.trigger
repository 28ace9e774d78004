trigger EntryTrigger on Entry__c(before insert, before update) {
    EntryTriggerHandler.handle(Trigger.new, Trigger.operationType);
}
