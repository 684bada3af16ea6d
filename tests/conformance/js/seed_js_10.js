// 为基本类型分配内存
var n = 123;                    // 数值
var s = "azerty";              // 字符串

// 为对象分配内存
var o = {                      
    a: 1,
    b: null
};                            

// 为数组分配内存
var a = [1, null, "abra"];     

// 为函数分配内存
function f(a) {                
    return a + 2;
}

// 函数表达式分配内存
element.addEventListener('click', function() {
    element.style.backgroundColor = 'blue';
}, false);

// 对象方法分配内存
var d = new Date();            // 分配 Date 对象
var e = document.createElement('div'); // 分配 DOM 元素

// 方法调用分配新内存
var s2 = s.substr(0, 3);       // 新字符串
var a3 = a.concat(a2);         // 新数组
