trigger PaymentProviderTrigger on PaymentProvider__c(before insert, before update) {
    PaymentProviderTriggerHandler.handle(Trigger.new);
}
