CKSearch.words("gi",{"gia":["giaS","2"],
"giay":["giâyS","5"]});
