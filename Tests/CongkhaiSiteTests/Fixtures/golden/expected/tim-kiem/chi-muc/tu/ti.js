CKSearch.words("ti",{"tin":["tin","03"],
"tinh":["tinhR","33"]});
