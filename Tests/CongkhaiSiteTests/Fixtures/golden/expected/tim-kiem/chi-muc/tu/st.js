CKSearch.words("st",{"stt":["stt","0"],
"stttt":["stttt","13"]});
