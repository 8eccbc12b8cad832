CKSearch.words("to",{"to":["tôR","0"],
"toan":["toanF","0"],
"tong":["tôngR","0"]});
