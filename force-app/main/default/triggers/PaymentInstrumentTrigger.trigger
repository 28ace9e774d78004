trigger PaymentInstrumentTrigger on PaymentInstrument__c(before insert) {
    PaymentInstrumentTriggerHandler.handle(Trigger.new);
}
