CKSearch.words("di",{"di":["đi","0"],
"dich":["đichS","0"],
"dien":["điênJ","02"],
"dinh":["đinhJ","0"]});
